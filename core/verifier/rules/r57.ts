// NdisMEthIndicateReceive: the lookahead is at least the protocol's OID_GEN_CURRENT_LOOKAHEAD (or the whole frame
// when shorter), and never more than the frame (DDK pages NdisMEthIndicateReceive, OID_GEN_CURRENT_LOOKAHEAD).
import { defineRule } from '../rule'

export const R57 = defineRule({
  id: 'R57',
  title: 'A lookahead shorter than OID_GEN_CURRENT_LOOKAHEAD, or longer than the frame',
  severity: 'error',
  stops: false,
  class: 'receive',
  level: 'standard',
  emulatorParams: ['LookaheadBufferSize', 'PacketSize', 'current lookahead'],
  explanation:
    'Indicate at least OID_GEN_CURRENT_LOOKAHEAD bytes after the header (all of the frame if it is shorter), and never more than PacketSize.',
  reference: 'NdisMEthIndicateReceive (DDK page); OID_GEN_CURRENT_LOOKAHEAD',
})
