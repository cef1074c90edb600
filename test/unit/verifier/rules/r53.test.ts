// The rule's own test: A pended OID request not completed within NDIS's time-out
import { describe } from 'vitest'
import { R53 } from '../../../../core/verifier/catalogue'
import { OID_VALUES } from '../../../../core/miniport/constants'
import { miniport, requestHandlers, scriptRuleCase } from './script-case'

// The first query pends and is never completed.
const h = requestHandlers(`  if (Oid === OID_GEN_SUPPORTED_LIST) return NDIS_STATUS_PENDING`)

describe('R53: A pended OID request not completed within NDIS’s time-out', () => {
  scriptRuleCase(
    R53,
    () => ({
      script: miniport(h),
      // The run ends after 20 ms: MiniportHalt comes with the request still pending (4 s time-out by default).
      marker: 'function MiniportQueryInformation',
      params: () => [0x1035, OID_VALUES.OID_GEN_SUPPORTED_LIST, 4000, 1],
    }),
    'never completed before MiniportHalt',
  )
  scriptRuleCase(
    R53,
    () => ({
      script: miniport(h).replace(
        'NdisMSetAttributesEx(MiniportAdapterHandle, {}, 0,',
        'NdisMSetAttributesEx(MiniportAdapterHandle, {}, 1,',
      ),
      // CheckForHang every second: NDIS times the request out after 2 s of virtual time.
      scenario: { duration: '2500ms', wire: { kind: 'generator', rateFps: 10 } },
      marker: 'function MiniportQueryInformation',
      params: () => [0x1035, OID_VALUES.OID_GEN_SUPPORTED_LIST, 2000, 0],
    }),
    'timed out in virtual time',
  )
})
