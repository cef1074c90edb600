// NdisStallExecution: a busy wait; desktop and CE pages limit it to 50 µs.
import { defineRule, EMULATOR_CODE } from '../rule'

export const R44 = defineRule({
  id: 'R44',
  title: 'NdisStallExecution longer than 50 µs',
  severity: 'warning',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x102C', 'microseconds asked', 'limit (50)', 'IRQL'],
  level: 'standard',
  explanation:
    'NdisStallExecution spins the processor; wait longer with a timer (NdisMSetTimer) instead of stalling more than 50 µs.',
  reference: 'NdisStallExecution [MSDN: "no more than 50 microseconds"]',
  checkedBy: ['NdisStallExecution'],
})
