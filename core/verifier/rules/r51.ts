// NdisMQueryInformationComplete / NdisMSetInformationComplete complete the one request the miniport pended
// (the DDK pages of both); Driver Verifier's NdisOidDoubleComplete (ndis5.md §4, last paragraph).
import { defineRule } from '../rule'

export const R51 = defineRule({
  id: 'R51',
  title: 'An OID request completed twice, or one that was not pended',
  severity: 'error',
  stops: false,
  class: 'requests',
  level: 'standard',
  emulatorParams: ['OID of the last request (0 if none)', 'completion status', '1 query, 2 set'],
  explanation:
    'Call NdisMQueryInformationComplete / NdisMSetInformationComplete once, and only for a request your handler returned NDIS_STATUS_PENDING for.',
  reference: 'NdisMQueryInformationComplete (DDK page); NdisOidDoubleComplete [WDD:devtest/ndis-wifi-verification]',
})
