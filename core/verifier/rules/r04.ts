// ../shared/reference/ndis5.md §1.2 NdisAllocatePacket; §4 R4
import { defineRule } from '../rule'

export const R4 = defineRule({
  id: 'R4',
  title: 'Packet pool exhausted',
  severity: 'warning',
  stops: false,
  class: 'pools',
  level: 'standard',
  emulatorParams: ['pool handle', 'NumberOfDescriptors', 'packets in use'],
  explanation:
    'NdisAllocatePacket returned NDIS_STATUS_RESOURCES because every descriptor is in use (reported once per pool); handle the failure, free packets sooner or size the pool for the load.',
  reference: '§1.2 NdisAllocatePacket; §4 R4 [MSDN-ff550774]',
})
