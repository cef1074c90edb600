// ../shared/reference/ndis5.md §1.7 NdisMSendComplete; §1.10 MiniportHalt
import { defineRule } from '../rule'

export const R46 = defineRule({
  id: 'R46',
  title: 'MiniportHalt returns with sends not completed',
  severity: 'error',
  stops: false,
  class: 'send',
  level: 'standard',
  emulatorParams: ['first packet', 'sends outstanding', '0'],
  explanation:
    'Every send the miniport pended (or, deserialized, every send it was given) must be completed with NdisMSendComplete before MiniportHalt returns.',
  reference: '§1.7 NdisMSendComplete [CE-ms892746]; §1.10 MiniportHalt',
})
