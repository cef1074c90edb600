// ../shared/reference/ndis5.md §0 (the NDIS_STATUS codes); MiniportQueryInformation's return values (DDK page).
import { defineRule } from '../rule'

export const R50 = defineRule({
  id: 'R50',
  title: 'A request handler returned a status NDIS does not define',
  severity: 'error',
  stops: false,
  class: 'requests',
  level: 'standard',
  emulatorParams: ['OID', 'returned value (0 when not a number)', '0'],
  explanation:
    'MiniportQueryInformation and MiniportSetInformation return an NDIS_STATUS: SUCCESS, PENDING, or a failure such as NOT_SUPPORTED, INVALID_LENGTH, INVALID_DATA.',
  reference: '§0 NDIS_STATUS codes; MiniportQueryInformation [MSDN-ff550490]',
})
