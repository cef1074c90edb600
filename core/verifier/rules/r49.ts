// ../shared/reference/ndis5.md §1.11 (docs/ndis-environment.md "Requests"): MiniportQueryInformation writes at most
// InformationBufferLength bytes and says how many in BytesWritten [MSDN MiniportQueryInformation].
import { defineRule } from '../rule'

export const R49 = defineRule({
  id: 'R49',
  title: 'An OID answer larger than the buffer NDIS gave',
  severity: 'error',
  stops: false,
  class: 'requests',
  level: 'standard',
  emulatorParams: ['OID', 'BytesWritten (or BytesRead)', 'InformationBufferLength'],
  explanation:
    'BytesWritten must not exceed InformationBufferLength: answer NDIS_STATUS_INVALID_LENGTH (or BUFFER_TOO_SHORT) with BytesNeeded instead.',
  reference: 'MiniportQueryInformation / MiniportSetInformation [MSDN-ff550490, ff550530]',
})
