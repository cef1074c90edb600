// ../shared/reference/ndis5.md §4 R28
import { defineRule } from '../rule'

export const R28 = defineRule({
  id: 'R28',
  title: 'NdisWaitEvent at an illegal IRQL',
  severity: 'error',
  stops: true,
  class: 'irql',
  level: 'standard',
  forms: [{ code: 0x7c, p1: 0x14, params: ['0x14', 'current IRQL', 'NDIS_EVENT', 'time to wait (ms)'], when: '' }],
  withoutVerifier: 'NDIS raises it itself, without Driver Verifier [WDD:bug-check-0x7c]',
  explanation: 'Wait only at PASSIVE_LEVEL.',
  reference: '§4 R28 [WDD:bug-check-0x7c]',
})
