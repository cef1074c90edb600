// The rule's own test: An OID request completed twice, or one that was not pended
import { describe } from 'vitest'
import { R51 } from '../../../../core/verifier/catalogue'
import { OID_VALUES } from '../../../../core/miniport/constants'
import { miniport, requestHandlers, scriptRuleCase } from './script-case'

describe('R51: An OID request completed twice, or one that was not pended', () => {
  // Every request completes at once; 1 ms later a timer "completes" the last one again.
  const h = requestHandlers()
  scriptRuleCase(R51, () => ({
    script: miniport({
      globals: 'const Timer = new NDIS_MINIPORT_TIMER()',
      init: '  NdisMInitializeTimer(Timer, MiniportAdapterHandle, Late, NULL)\n  NdisMSetTimer(Timer, 1)',
      functions:
        h.functions +
        `
function Late(S1, Context, S2, S3) {
  NdisMSetInformationComplete(AdapterHandle, NDIS_STATUS_SUCCESS) // HERE
}`,
      characteristics: h.characteristics,
    }),
    // The binding's last request was the set of OID_GEN_CURRENT_PACKET_FILTER.
    params: () => [0x1033, OID_VALUES.OID_GEN_CURRENT_PACKET_FILTER, 0, 2],
  }))
})
