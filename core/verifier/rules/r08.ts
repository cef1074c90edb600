// ../shared/reference/ndis5.md §1.3 NdisFreeBufferPool; §4 R8
import { defineRule, EMULATOR_CODE } from '../rule'

export const R8 = defineRule({
  id: 'R8',
  title: 'NdisFreeBufferPool with buffers outstanding',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1008', 'pool handle', 'buffers in use', '0'],
  level: 'standard',
  explanation: 'Free every buffer descriptor with NdisFreeBuffer before NdisFreeBufferPool.',
  reference: '§1.3 NdisFreeBufferPool; §4 R8 [CE-ms921060]',
  checkedBy: ['NdisFreeBufferPool'],
})
