// ../shared/reference/ndis5.md §1.3 NdisFreeBufferPool; §4 R8
import { defineRule } from '../rule'

export const R8 = defineRule({
  id: 'R8',
  title: 'NdisFreeBufferPool with buffers outstanding',
  severity: 'error',
  stops: false,
  class: 'buffers',
  level: 'standard',
  emulatorParams: ['buffer pool handle', 'buffers in use', '0'],
  explanation: 'Free every buffer descriptor with NdisFreeBuffer before NdisFreeBufferPool.',
  reference: '§1.3 NdisFreeBufferPool; §4 R8 [CE-ms921060]',
})
