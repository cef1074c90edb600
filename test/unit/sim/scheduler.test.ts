// The virtual-time machine as ../shared/design.md ("ns-3") asks for it: integer nanoseconds, ordered events,
// cancellable, insertion-order ties, deterministic.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Scheduler, SchedulerError, NO_EVENT, SeededRandom } from '../../../core/sim'

function recorder(kinds = 4): { s: Scheduler; log: [number, number, number][] } {
  const s = new Scheduler(4)
  const log: [number, number, number][] = []
  for (let k = 0; k < kinds; k++) s.on(k, (arg) => log.push([s.nowNs, k, arg]))
  return { s, log }
}

describe('Scheduler ordering (design.md, ns-3)', () => {
  it('dispatches in time order and advances the clock to each event', () => {
    const { s, log } = recorder()
    s.schedule(300, 0, 3)
    s.schedule(100, 1, 1)
    s.schedule(200, 2, 2)
    expect(s.pending).toBe(3)
    expect(s.peekTimeNs).toBe(100)
    s.runUntil(Infinity)
    expect(log).toEqual([
      [100, 1, 1],
      [200, 2, 2],
      [300, 0, 3],
    ])
    expect(s.nowNs).toBe(300)
    expect(s.pending).toBe(0)
    expect(s.peekTimeNs).toBe(Infinity)
  })

  it('breaks ties by insertion order, also for events scheduled at "now" from a handler', () => {
    const s = new Scheduler()
    const log: number[] = []
    s.on(0, (arg) => {
      log.push(arg)
      if (arg === 1) s.scheduleIn(0, 0, 99)
    })
    for (let i = 1; i <= 5; i++) s.schedule(50, 0, i)
    s.runUntil(50)
    expect(log).toEqual([1, 2, 3, 4, 5, 99])
  })

  it('keeps exact integer nanoseconds far out (~100 days)', () => {
    const { s, log } = recorder()
    const far = 100 * 86_400 * 1e9 + 1
    s.schedule(far, 0, 0)
    s.schedule(far - 1, 1, 0)
    s.runUntil(Infinity)
    expect(log.map((e) => e[0])).toEqual([far - 1, far])
  })

  it('grows past its initial capacity without losing events', () => {
    const { s, log } = recorder(1)
    const n = 10_000
    for (let i = 0; i < n; i++) s.schedule((i * 7919) % n, 0, i)
    expect(s.pending).toBe(n)
    s.runUntil(Infinity)
    expect(log.length).toBe(n)
    for (let i = 1; i < n; i++) expect(log[i][0]).toBeGreaterThanOrEqual(log[i - 1][0])
  })
})

describe('Scheduler cancel', () => {
  it('cancels a pending event once, and refuses stale, foreign and garbage ids', () => {
    const { s, log } = recorder()
    const a = s.schedule(10, 0, 1)
    const b = s.schedule(20, 0, 2)
    expect(s.cancel(a)).toBe(true)
    expect(s.cancel(a)).toBe(false)
    expect(s.pending).toBe(1)
    for (const bad of [NO_EVENT, -1, NaN, 1.5, 2 ** 60, Infinity, b + 1]) expect(s.cancel(bad)).toBe(false)
    s.runUntil(Infinity)
    expect(log).toEqual([[20, 0, 2]])
    expect(s.cancel(b)).toBe(false)
  })

  it('does not let an old id cancel the event that reuses its slot', () => {
    const { s, log } = recorder()
    const a = s.schedule(10, 0, 1)
    s.cancel(a)
    const c = s.schedule(30, 0, 3)
    expect(c).not.toBe(a)
    expect(s.cancel(a)).toBe(false)
    s.runUntil(Infinity)
    expect(log).toEqual([[30, 0, 3]])
  })

  it('cancels from inside a handler', () => {
    const s = new Scheduler()
    const log: number[] = []
    let victim = NO_EVENT
    s.on(0, (arg) => {
      log.push(arg)
      if (arg === 1) expect(s.cancel(victim)).toBe(true)
    })
    s.schedule(1, 0, 1)
    victim = s.schedule(2, 0, 2)
    s.schedule(3, 0, 3)
    s.runUntil(Infinity)
    expect(log).toEqual([1, 3])
  })
})

describe('Scheduler runUntil boundaries and step', () => {
  it('runs events at exactly tNs, leaves later ones, and ends the clock at tNs', () => {
    const { s, log } = recorder()
    s.schedule(100, 0, 1)
    s.schedule(200, 0, 2)
    s.schedule(201, 0, 3)
    expect(s.runUntil(200)).toBe(2)
    expect(s.nowNs).toBe(200)
    expect(s.runUntil(200)).toBe(0)
    expect(s.runUntil(500)).toBe(1)
    expect(s.nowNs).toBe(500)
    expect(log.map((e) => e[2])).toEqual([1, 2, 3])
  })

  it('stops at maxEvents with the clock at the last dispatched event', () => {
    const { s } = recorder()
    for (let i = 1; i <= 5; i++) s.schedule(i * 10, 0, i)
    expect(s.runUntil(1000, 2)).toBe(2)
    expect(s.nowNs).toBe(20)
    expect(s.pending).toBe(3)
  })

  it('step dispatches one event and reports an empty queue', () => {
    const { s, log } = recorder()
    s.schedule(5, 0, 1)
    expect(s.step()).toBe(true)
    expect(s.step()).toBe(false)
    expect(log).toEqual([[5, 0, 1]])
  })

  it('requestStop from a handler ends the run after that event', () => {
    const s = new Scheduler()
    s.on(0, (arg) => {
      if (arg === 2) s.requestStop()
    })
    for (let i = 1; i <= 4; i++) s.schedule(i, 0, i)
    expect(s.runUntil(Infinity)).toBe(2)
    expect(s.pending).toBe(2)
  })
})

describe('Scheduler misuse is a SchedulerError', () => {
  it('refuses the past, fractional, NaN and out-of-range times, unknown kinds and double registration', () => {
    const { s } = recorder()
    s.schedule(100, 0)
    s.runUntil(100)
    for (const t of [99, 100.5, NaN, Infinity, -1, 2 ** 53]) expect(() => s.schedule(t, 0)).toThrow(SchedulerError)
    expect(() => s.scheduleIn(-1, 0)).toThrow(SchedulerError)
    expect(() => s.schedule(200, 17)).toThrow(/no handler/)
    expect(() => s.schedule(200, -1)).toThrow(SchedulerError)
    expect(() => s.on(0, () => {})).toThrow(/already/)
    expect(() => s.on(1.5, () => {})).toThrow(SchedulerError)
    expect(() => s.runUntil(50)).toThrow(SchedulerError)
    expect(s.pending).toBe(0)
  })
})

describe('Scheduler against a sorted-array model (fast-check)', () => {
  type Cmd =
    | { op: 'schedule'; dt: number; kind: number; arg: number }
    | { op: 'cancel'; pick: number }
    | { op: 'step' }
    | { op: 'run'; dt: number; max: number }
  const cmd: fc.Arbitrary<Cmd> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        op: fc.constant('schedule' as const),
        dt: fc.integer({ min: 0, max: 50 }),
        kind: fc.integer({ min: 0, max: 2 }),
        arg: fc.integer(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('step' as const) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('run' as const),
        dt: fc.integer({ min: 0, max: 60 }),
        max: fc.integer({ min: 1, max: 8 }),
      }),
    },
  )

  it('dispatches exactly the model events, in (time, insertion) order, none lost or duplicated', () => {
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 300 }), (cmds) => {
        const { s, log } = recorder(3)
        const model: { t: number; seq: number; kind: number; arg: number; id: number }[] = []
        const expected: [number, number, number][] = []
        const ids: number[] = []
        let seq = 0
        const takeModel = (): void => {
          model.sort((a, b) => a.t - b.t || a.seq - b.seq)
          const e = model.shift()!
          expected.push([e.t, e.kind, e.arg])
        }
        for (const c of cmds) {
          if (c.op === 'schedule') {
            const id = s.schedule(s.nowNs + c.dt, c.kind, c.arg)
            ids.push(id)
            model.push({ t: s.nowNs + c.dt, seq: seq++, kind: c.kind, arg: c.arg, id })
          } else if (c.op === 'cancel') {
            if (ids.length === 0) continue
            const id = ids[c.pick % ids.length]
            const i = model.findIndex((e) => e.id === id)
            expect(s.cancel(id)).toBe(i >= 0)
            if (i >= 0) model.splice(i, 1)
          } else if (c.op === 'step') {
            expect(s.step()).toBe(model.length > 0)
            if (model.length > 0) takeModel()
          } else {
            const until = s.nowNs + c.dt
            let n = 0
            model.sort((a, b) => a.t - b.t || a.seq - b.seq)
            while (n < c.max && model.length > 0 && model[0].t <= until) {
              takeModel()
              n++
            }
            expect(s.runUntil(until, c.max)).toBe(n)
          }
          expect(s.pending).toBe(model.length)
          expect(s.peekTimeNs).toBe(model.length ? Math.min(...model.map((e) => e.t)) : Infinity)
        }
        s.runUntil(Infinity)
        while (model.length > 0) takeModel()
        expect(log).toEqual(expected)
      }),
      { numRuns: 200 },
    )
  })
})

describe('Event trace hash (design.md: reproducible runs)', () => {
  function run(seed: number): { hash: string; count: number } {
    const s = new Scheduler()
    const rng = new SeededRandom(seed)
    let left = 2000
    s.on(0, (arg) => {
      if (--left > 0) s.scheduleIn(rng.nextInt(1000), rng.nextInt(2), arg + 1)
    })
    s.on(1, (arg) => {
      if (--left > 0) s.scheduleIn(rng.nextInt(500), 0, arg ^ rng.nextU32())
    })
    s.schedule(0, 0, 0)
    s.runUntil(Infinity)
    return { hash: s.trace.hex(), count: s.dispatched }
  }

  it('is equal for two runs with the same seed and differs for another seed', () => {
    const a = run(1)
    const b = run(1)
    expect(a.count).toBe(2000)
    expect(b).toEqual(a)
    expect(run(2).hash).not.toBe(a.hash)
  })

  it('differs when only the order of two same-time events differs', () => {
    const hashOf = (first: number, second: number): number => {
      const s = new Scheduler()
      s.on(0, () => {})
      s.schedule(10, 0, first)
      s.schedule(10, 0, second)
      s.runUntil(Infinity)
      return s.trace.value
    }
    expect(hashOf(1, 2)).not.toBe(hashOf(2, 1))
  })

  it('reset returns to time 0 and the initial hash', () => {
    const s = new Scheduler()
    const h0 = s.trace.value
    s.on(0, () => {})
    s.schedule(5, 0, 1)
    s.runUntil(Infinity)
    expect(s.trace.value).not.toBe(h0)
    s.schedule(6, 0, 1)
    s.reset()
    expect([s.nowNs, s.pending, s.trace.value, s.dispatched]).toEqual([0, 0, h0, 0])
  })
})
