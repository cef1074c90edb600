// ../shared/reference/ndis5.md §1.4 (chain macros walk to the end of the chain) ; workbench rule
import { defineRule } from '../rule'

export const R40 = defineRule({
  id: 'R40',
  title: 'Buffer chained twice, or the chain has a cycle',
  severity: 'error',
  stops: false,
  class: 'packets',
  level: 'standard',
  emulatorParams: ['packet', 'buffer', '0'],
  explanation: 'A buffer belongs to at most one chain at a time; unchain it before chaining it elsewhere.',
  reference: '§1.4 (chain macros walk to the end of the chain) ; workbench rule',
})
