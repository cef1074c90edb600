// The rule's own test: A request handler returned a status NDIS does not define
import { describe } from 'vitest'
import { R50 } from '../../../../core/verifier/catalogue'
import { OID_VALUES } from '../../../../core/miniport/constants'
import { miniport, requestHandlers, scriptRuleCase } from './script-case'

describe('R50: A request handler returned a status NDIS does not define', () => {
  const h = requestHandlers(`  if (Oid === OID_GEN_SUPPORTED_LIST) return 12345`)
  scriptRuleCase(R50, () => ({
    script: miniport(h),
    marker: 'function MiniportQueryInformation',
    params: () => [0x1032, OID_VALUES.OID_GEN_SUPPORTED_LIST, 12345, 0],
  }))
})
