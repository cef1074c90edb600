// NdisMTransferDataComplete completes a MiniportTransferData that returned NDIS_STATUS_PENDING, once
// (DDK page).
import { defineRule } from '../rule'

export const R58 = defineRule({
  id: 'R58',
  title: 'NdisMTransferDataComplete for a transfer that was not pended',
  severity: 'error',
  stops: false,
  class: 'receive',
  level: 'standard',
  emulatorParams: ['packet', 'status', '0'],
  explanation:
    'Call NdisMTransferDataComplete once, with the protocol’s packet, for a MiniportTransferData that returned NDIS_STATUS_PENDING.',
  reference: 'NdisMTransferDataComplete (DDK page); MiniportTransferData (DDK page)',
})
