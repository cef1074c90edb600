// Emulator-defined, after ndis5.md §1.8 (the calls that need spin locks released first): NDIS calls the protocol from
// NdisMIndicateReceivePacket / NdisMEthIndicateReceive / NdisMSendComplete, and a protocol that sends or returns from
// there re-enters the miniport, which deadlocks on its own lock.
import { defineRule } from '../rule'

export const R54 = defineRule({
  id: 'R54',
  title: 'A spin lock held across an indication or a send completion',
  severity: 'error',
  stops: false,
  class: 'spin-locks',
  level: 'standard',
  emulatorParams: ['lock held', 'locks held', '1 indicate receive, 2 send complete, 3 request complete'],
  explanation:
    'Release your spin locks before NdisMIndicateReceivePacket, NdisMEthIndicateReceive, NdisMSendComplete and the request completions: NDIS calls the protocol from inside them.',
  reference: 'emulator-defined, after §1.8 spin locks; NdisMIndicateReceivePacket [MSDN-ff553533]',
})
