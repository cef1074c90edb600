// Scheduler and pacing benchmark (npm run bench:sched). Ratios are against baselines measured in the same run;
// the pacing figures are host measurements and vary with the machine's load (printed first).
import { availableParallelism, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { Scheduler, SeededRandom } from '../core/sim'
import { RealTimePacer, wallNowNs } from '../main/engine/pacer/real-time-pacer'
import { FigureOutput } from './figure'

const out = new FigureOutput('sched')
const log = (line = ''): void => out.text(line)

const fmt = (n: number, digits = 1): string => n.toFixed(digits)
const mega = (n: number): string => (n >= 1e5 ? `${fmt(n / 1e6, 2)} M/s` : `${fmt(n / 1e3, 1)} k/s`)

// ---- Scheduler: events per second with N events pending (hold model: each event schedules one more) ----

function delays(n: number, meanNs: number): Float64Array {
  const r = new SeededRandom(42)
  return Float64Array.from({ length: n }, () => 1 + r.nextInt(2 * meanNs))
}

function benchScheduler(pending: number, events: number, d: Float64Array): number {
  const s = new Scheduler(16)
  const mask = d.length - 1
  let i = 0
  s.on(0, () => {
    s.scheduleIn(d[i++ & mask], 0)
  })
  for (let k = 0; k < pending; k++) s.schedule(d[k & mask], 0)
  const t0 = performance.now()
  s.runUntil(Infinity, events)
  return events / ((performance.now() - t0) / 1e3)
}

interface Ev {
  t: number
  seq: number
  fn: () => void
}

/** Baseline 1: a binary heap of event objects with a closure each (the usual JS priority queue). */
function benchObjectHeap(pending: number, events: number, d: Float64Array): number {
  const heap: Ev[] = []
  const less = (a: Ev, b: Ev): boolean => a.t < b.t || (a.t === b.t && a.seq < b.seq)
  let seq = 0
  let now = 0
  let i = 0
  const mask = d.length - 1
  const push = (e: Ev): void => {
    let k = heap.push(e) - 1
    while (k > 0) {
      const p = (k - 1) >> 1
      if (!less(heap[k], heap[p])) break
      ;[heap[k], heap[p]] = [heap[p], heap[k]]
      k = p
    }
  }
  const pop = (): Ev => {
    const top = heap[0]
    const last = heap.pop()!
    if (heap.length > 0) {
      heap[0] = last
      let k = 0
      for (;;) {
        const l = 2 * k + 1
        const r = l + 1
        let m = k
        if (l < heap.length && less(heap[l], heap[m])) m = l
        if (r < heap.length && less(heap[r], heap[m])) m = r
        if (m === k) break
        ;[heap[k], heap[m]] = [heap[m], heap[k]]
        k = m
      }
    }
    return top
  }
  const schedule = (at: number): void => push({ t: at, seq: seq++, fn: () => schedule(now + d[i++ & mask]) })
  for (let k = 0; k < pending; k++) schedule(d[k & mask])
  const t0 = performance.now()
  for (let n = 0; n < events; n++) {
    const e = pop()
    now = e.t
    e.fn()
  }
  return events / ((performance.now() - t0) / 1e3)
}

/** Baseline 2: a plain array of event objects kept sorted (latest first) with binary search and splice. */
function benchSortedArray(pending: number, events: number, d: Float64Array): number {
  const queue: Ev[] = []
  let seq = 0
  let now = 0
  let i = 0
  const mask = d.length - 1
  const insert = (e: Ev): void => {
    let lo = 0
    let hi = queue.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const m = queue[mid]
      if (m.t > e.t || (m.t === e.t && m.seq > e.seq)) lo = mid + 1
      else hi = mid
    }
    queue.splice(lo, 0, e)
  }
  const schedule = (at: number): void => insert({ t: at, seq: seq++, fn: () => schedule(now + d[i++ & mask]) })
  // Filled in one sort, not by inserting one at a time (only the steady state is measured).
  for (let k = 0; k < pending; k++) queue.push({ t: d[k & mask], seq: seq++, fn: () => schedule(now + d[i++ & mask]) })
  queue.sort((a, b) => b.t - a.t || b.seq - a.seq)
  const t0 = performance.now()
  for (let n = 0; n < events; n++) {
    const e = queue.pop()!
    now = e.t
    e.fn()
  }
  return events / ((performance.now() - t0) / 1e3)
}

function schedulerSection(): void {
  log('Scheduler (hold model: every event schedules one more; ties by insertion order)')
  const rows: { pending: number; ours: number; heap: number; sorted: number }[] = []
  log('pending | core/sim Scheduler | object heap + closures | sorted object array | vs heap | vs sorted')
  for (const [pending, events, sortedEvents] of [
    [16, 2_000_000, 500_000],
    [1024, 1_000_000, 100_000],
    [65536, 1_000_000, 1_500],
  ]) {
    const d = delays(1 << 16, pending * 100)
    benchScheduler(pending, events / 8, d) // warm-up
    benchObjectHeap(pending, events / 8, d)
    const ours = benchScheduler(pending, events, d)
    const heap = benchObjectHeap(pending, events / 4, d)
    const sorted = benchSortedArray(pending, sortedEvents, d)
    log(
      `${String(pending).padStart(7)} | ${mega(ours).padStart(18)} | ${mega(heap).padStart(22)} | ${mega(sorted).padStart(19)} | ${fmt(ours / heap, 2).padStart(6)}× | ${fmt(ours / sorted, 1).padStart(8)}×`,
    )
    rows.push({ pending, ours, heap, sorted })
  }
  for (const r of rows) {
    const figure = `scheduler events, ${r.pending} pending`
    out.figure(figure, r.ours, 'events/s', { name: 'a heap of event objects', value: r.heap, unit: 'events/s' })
    out.figure(figure, r.ours, 'events/s', { name: 'a sorted event array', value: r.sorted, unit: 'events/s' })
  }
}

// ---- Pacing: lateness of ticks and the CPU it costs ----

function quantiles(values: ArrayLike<number>): { p50: number; p99: number; max: number } {
  const a = Array.from(values).sort((x, y) => x - y)
  const q = (p: number): number => a[Math.min(a.length - 1, Math.floor(p * a.length))] ?? NaN
  return { p50: q(0.5), p99: q(0.99), max: a[a.length - 1] ?? NaN }
}

const us = (ns: number): string => `${fmt(ns / 1e3, ns < 10_000 ? 2 : 0)} µs`

interface Pacing {
  p99: number
  cpuPct: number
}

function line(label: string, l: { p50: number; p99: number; max: number }, cpuPct: number, extra: string): Pacing {
  log(
    `${label.padEnd(34)} | ${us(l.p50).padStart(10)} | ${us(l.p99).padStart(10)} | ${us(l.max).padStart(10)} | ${fmt(cpuPct).padStart(5)} % | ${extra}`,
  )
  return { p99: l.p99, cpuPct }
}

async function pacerRun(periodNs: number, seconds: number, consume: boolean): Promise<Pacing> {
  const p = new RealTimePacer({ periodNs })
  await p.start()
  const wake: number[] = []
  const idle = new Int32Array(new SharedArrayBuffer(4))
  const c0 = process.cpuUsage()
  const w0 = wallNowNs()
  const end = w0 + seconds * 1e9
  if (consume) {
    while (wallNowNs() < end) {
      const t = p.waitTick()
      if (t > 0) wake.push(wallNowNs() - p.deadlineNs(t))
    }
  } else {
    Atomics.wait(idle, 0, 0, seconds * 1e3)
  }
  const cpu = process.cpuUsage(c0)
  const cpuPct = ((cpu.user + cpu.system) * 1e3 * 100) / (wallNowNs() - w0)
  await p.stop()
  const hz = `${1e9 / periodNs / 1e3} kHz`
  const counts = `ticks ${p.ticks}, missed ${p.missedTicks}, lead ${us(p.leadNs)}`
  return consume
    ? line(
        `pacer ${hz}, tick → consumer wakes`,
        quantiles(wake),
        cpuPct,
        `${counts}, consumer skipped ${p.skippedTicks}`,
      )
    : line(`pacer ${hz}, tick signalled`, quantiles(p.lateness()), cpuPct, counts)
}

async function setTimeoutRun(periodNs: number, seconds: number): Promise<Pacing> {
  const late: number[] = []
  let missed = 0
  const c0 = process.cpuUsage()
  const w0 = wallNowNs()
  let deadline = w0 + periodNs
  await new Promise<void>((resolve) => {
    const fire = (): void => {
      const t = wallNowNs()
      let l = t - deadline
      if (l >= periodNs) {
        const m = Math.floor(l / periodNs)
        missed += m
        l -= m * periodNs
        deadline += m * periodNs
      }
      late.push(l)
      deadline += periodNs
      if (t - w0 >= seconds * 1e9) resolve()
      else setTimeout(fire, Math.max(0, (deadline - wallNowNs()) / 1e6))
    }
    setTimeout(fire, periodNs / 1e6)
  })
  const cpu = process.cpuUsage(c0)
  const cpuPct = ((cpu.user + cpu.system) * 1e3 * 100) / (wallNowNs() - w0)
  return line(
    `setTimeout ${1e9 / periodNs / 1e3} kHz`,
    quantiles(late),
    cpuPct,
    `ticks ${late.length}, missed ${missed}`,
  )
}

async function pacingSection(): Promise<void> {
  log('')
  log('Pacing: lateness after each deadline, CPU of the whole process (% of one core) over the run')
  log(
    `${'method'.padEnd(34)} | ${'p50'.padStart(10)} | ${'p99'.padStart(10)} | ${'max'.padStart(10)} |   CPU   | counts`,
  )
  const runs: { hz: string; signalled: Pacing; woken: Pacing; timeout: Pacing }[] = []
  for (const periodNs of [1_000_000, 100_000]) {
    const signalled = await pacerRun(periodNs, 2.5, false)
    const woken = await pacerRun(periodNs, 1.5, true)
    const timeout = await setTimeoutRun(periodNs, 1)
    runs.push({ hz: `${1e9 / periodNs / 1e3} kHz`, signalled, woken, timeout })
  }
  log('("tick signalled": the pacer worker alone, the main thread sleeps; the goal is set at 10 kHz)')
  for (const r of runs) {
    const at10k = r.hz === '10 kHz'
    const timeout = { name: `setTimeout at ${r.hz}`, value: r.timeout.p99 / 1e3, unit: 'µs' }
    out.figure(
      `pacer ${r.hz}, tick signalled: lateness p99`,
      r.signalled.p99 / 1e3,
      'µs',
      timeout,
      at10k ? { value: { max: 5 } } : null,
    )
    out.figure(
      `pacer ${r.hz}, tick signalled: CPU`,
      r.signalled.cpuPct,
      '% of one core',
      null,
      at10k ? { value: { max: 25 } } : null,
    )
    out.figure(`pacer ${r.hz}, tick → consumer wakes: lateness p99`, r.woken.p99 / 1e3, 'µs', timeout)
  }
}

async function main(): Promise<void> {
  const t0 = performance.now()
  const load = loadavg()
  const cores = availableParallelism()
  log(`Node ${process.version}, ${cores} cores, load average ${load.map((l) => fmt(l, 2)).join(' ')}`)
  if (load[0] > cores - 0.5) log('(the machine is busy: pacing figures include time the OS gave to other processes)')
  schedulerSection()
  await pacingSection()
  log(`(total ${fmt((performance.now() - t0) / 1e3)} s)`)
}

void main()
