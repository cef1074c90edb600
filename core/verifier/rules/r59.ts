// NDIS sets the status of indicated packets only for serialized miniports (PENDING when a protocol kept one); a
// deserialized miniport gets every packet back through MiniportReturnPacket (ReactOS ndis/miniport.c
// MiniIndicateReceivePacket; ndis5.md §3.4 is the serialized contract).
import { defineRule } from '../rule'

export const R59 = defineRule({
  id: 'R59',
  title: 'A deserialized miniport reads the status of a packet it indicated',
  severity: 'error',
  stops: false,
  class: 'receive',
  level: 'standard',
  emulatorParams: ['packet', '0', '0'],
  explanation:
    'A deserialized miniport must not decide from NDIS_GET_PACKET_STATUS after NdisMIndicateReceivePacket: wait for MiniportReturnPacket, which comes for every SUCCESS packet.',
  reference: '§3.4; ReactOS ndis/miniport.c MiniIndicateReceivePacket',
})
