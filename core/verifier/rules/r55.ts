// After MiniportHalt returns the adapter is gone: the miniport must not indicate or complete anything
// [MSDN-ff549451 MiniportHalt]; NDIS's miniport block is freed (ndis5.md §1.10).
import { defineRule } from '../rule'

export const R55 = defineRule({
  id: 'R55',
  title: 'An indication or completion after MiniportHalt',
  severity: 'error',
  stops: false,
  class: 'lifecycle',
  level: 'standard',
  emulatorParams: ['packet (0 if none)', '1 indicate receive, 2 send complete, 3 request complete, 4 status', '0'],
  explanation:
    'Once MiniportHalt has returned, make no NdisMIndicate*, NdisMSendComplete or request completion: stop timers and DPCs in MiniportHalt.',
  reference: '§1.10 MiniportHalt [MSDN-ff549451]',
})
