// ../shared/reference/ndis5.md; docs/script-api.md
import { defineRule } from '../rule'

export const R38 = defineRule({
  id: 'R38',
  title: 'Call not emulated',
  severity: 'error',
  stops: true,
  class: 'workbench',
  level: 'standard',
  emulatorParams: ['0', '0', '0'],
  withoutVerifier: 'the workbench cannot go on past a call it does not emulate',
  explanation: 'The workbench declares this NDIS name but does not emulate it yet; the run stops at the call.',
  reference: 'docs/script-api.md (names declared but not emulated stop the run)',
})
