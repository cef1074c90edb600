import {
  CTL_MISSED,
  CTL_RUN,
  CTL_SAMPLES,
  CTL_STATE,
  CTL_TICK,
  F_FIRST_DEADLINE_NS,
  F_LEAD_NS,
  F_MAX_LEAD_NS,
  F_OFFSET,
  F_PERIOD_NS,
  RING_OFFSET,
  CTL_CELLS,
  F_CELLS,
} from './pacer-layout'

/**
 * The pacer's worker thread, as source text run with `eval: true`: it needs no TypeScript loader or bundler entry,
 * so it starts the same under tsx, vitest, the CLI and Electron's main process.
 *
 * For each deadline it sleeps with Atomics.wait until about 200 µs before it (the coarse lead), then spins on
 * process.hrtime until the deadline, bumps the tick counter and notifies waiters (../shared/reference/stack.md,
 * "Timers": setTimeout is 0.6–1.8 ms late and cannot tick at 10 kHz). A long sleep on Linux wakes up to ~150 µs
 * late, a short one a steady ~55 µs late (the 50 µs default timer slack). So when the coarse sleep ends early
 * enough, a second short sleep takes the thread to the fine lead: the 99th percentile of the last 256 short-sleep
 * oversleeps plus 8 µs (kept within 20 µs and the lesser of 120 µs and 70 % of the period). The spin then lasts ~10 µs instead of 200 µs, which is what makes
 * 10 kHz affordable. Deadlines passed during an OS stall are counted as missed, never delivered late in a burst.
 */
export const PACER_WORKER_SOURCE = `
'use strict'
const { workerData } = require('node:worker_threads')
const sab = workerData.buffer
const ctl = new Int32Array(sab, 0, ${CTL_CELLS})
const f = new Float64Array(sab, ${F_OFFSET}, ${F_CELLS})
const capacity = (sab.byteLength - ${RING_OFFSET}) / 8
const ring = new Float64Array(sab, ${RING_OFFSET}, capacity)
const hr = process.hrtime.bigint
const now = () => Number(hr())
const period = f[${F_PERIOD_NS}]
const coarseLead = f[${F_MAX_LEAD_NS}]
const MIN_FINE_LEAD = 20000
// Capped at 70 % of the period: a loaded machine must not turn the pacer into a full-time spin.
const MAX_FINE_LEAD = Math.min(120000, 0.7 * period)
const MARGIN = 8000
const MIN_SLEEP = 5000
const oversleep = new Float64Array(256)
const sorted = new Float64Array(256)
let observed = 0
let fineLead = Math.min(coarseLead, MAX_FINE_LEAD, 80000)
let deadline = now() + period
let tick = 0
let samples = 0
f[${F_FIRST_DEADLINE_NS}] = deadline
f[${F_LEAD_NS}] = fineLead
Atomics.store(ctl, ${CTL_STATE}, 1)
const sleepUntil = (at, t) => {
  Atomics.wait(ctl, ${CTL_RUN}, 1, (at - t) / 1e6)
  return now()
}
while (Atomics.load(ctl, ${CTL_RUN}) === 1) {
  let t = now()
  if (deadline - coarseLead - t > MIN_SLEEP) t = sleepUntil(deadline - coarseLead, t)
  const fineAt = deadline - fineLead
  if (fineAt - t > MIN_SLEEP) {
    t = sleepUntil(fineAt, t)
    oversleep[observed++ & 255] = t - fineAt
    if ((observed & 63) === 0 && observed >= 256) {
      sorted.set(oversleep)
      sorted.sort()
      fineLead = Math.min(MAX_FINE_LEAD, Math.max(MIN_FINE_LEAD, sorted[253] + MARGIN))
      f[${F_LEAD_NS}] = fineLead
    }
  }
  if (Atomics.load(ctl, ${CTL_RUN}) !== 1) break
  while (t < deadline) t = now()
  let late = t - deadline
  let missed = 0
  if (late >= period) {
    missed = Math.floor(late / period)
    late -= missed * period
    Atomics.add(ctl, ${CTL_MISSED}, missed)
  }
  tick += missed + 1
  deadline += (missed + 1) * period
  ring[samples % capacity] = late
  samples++
  Atomics.store(ctl, ${CTL_SAMPLES}, samples)
  Atomics.store(ctl, ${CTL_TICK}, tick)
  Atomics.notify(ctl, ${CTL_TICK})
}
Atomics.store(ctl, ${CTL_STATE}, 2)
Atomics.notify(ctl, ${CTL_TICK})
`
