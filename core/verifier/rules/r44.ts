// NdisStallExecution: a busy wait; desktop and CE pages limit it to 50 µs.
import { defineRule } from '../rule'

export const R44 = defineRule({
  id: 'R44',
  title: 'NdisStallExecution longer than 50 µs',
  severity: 'warning',
  stops: false,
  class: 'timers',
  level: 'standard',
  emulatorParams: ['microseconds asked', 'limit (50)', 'current IRQL'],
  explanation:
    'NdisStallExecution spins the processor; wait longer with a timer (NdisMSetTimer) instead of stalling more than 50 µs.',
  reference: 'NdisStallExecution [MSDN: "no more than 50 microseconds"]',
})
