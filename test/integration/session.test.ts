// The workbench's interactive run through the real Session, its checker thread and the built engine process
// (`npm run build:cli`): start, live statistics, pause, step, inspection queries, stop with the leak scans,
// diagnostics for a bad script, a bug check that stays one, the watchdog on a spinning ISR (script-api.md: 0x133)
// and a run after it. The Electron main process runs the same Session (the same forked engine process, started with
// ELECTRON_RUN_AS_NODE); the Electron binary is not installed here, so that boundary itself is not tested.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RunStats, StartRunRequest } from '../../core/api/workbench-api'
import { Session } from '../../main/engine/session'
import { sessionApi } from '../../main/engine/session-api'
import { ROOT } from '../support/serve'

const REFERENCE = readFileSync(join(ROOT, 'examples', 'reference-miniport.ts'), 'utf8')

const session = new Session({ handlerBudgetMs: 500 })
const api = sessionApi(session, () => ({ version: 'test', host: 'serve', versions: {} }))
let latest: RunStats | null = null
api.onStats((s) => (latest = s))
afterAll(() => session.dispose())

function request(overrides: Partial<StartRunRequest> = {}): StartRunRequest {
  return {
    fileName: 'reference-miniport.ts',
    scriptText: REFERENCE,
    scenarioText: '',
    seed: 1,
    verifier: 'full',
    speed: 'fast',
    ...overrides,
  }
}

/** Waits for statistics that satisfy `test` (no wall-clock threshold: the test timeout is the only bound). */
async function statsWhere(test: (s: RunStats) => boolean): Promise<RunStats> {
  for (;;) {
    if (latest && test(latest)) return latest
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Statistics after a full stats interval has passed since now (the worker reflects its state by then). */
async function freshStats(): Promise<RunStats> {
  const seen = latest
  await statsWhere((s) => s !== seen)
  const second = latest
  return statsWhere((s) => s !== second)
}

describe('interactive run of the reference miniport', () => {
  it('starts, and the statistics move: virtual time and received frames grow', async () => {
    await expect(api.startRun(request())).resolves.toEqual({ ok: true })
    const first = await statsWhere((s) => s.state === 'running' && s.nic['rxFrames']! > 0)
    const later = await statsWhere(
      (s) => s.virtualTimeNs > first.virtualTimeNs && s.nic['rxFrames']! > first.nic['rxFrames']!,
    )
    expect(later.pools.some((p) => p.kind === 'packet' && p.allocations > 0)).toBe(true)
    expect(later.eventsDispatched).toBeGreaterThan(first.eventsDispatched)
  })

  it('pauses: virtual time stops; a step dispatches exactly one event', async () => {
    await api.pauseRun()
    const paused = await freshStats()
    expect(paused.state).toBe('paused')
    const again = await freshStats()
    expect(again.virtualTimeNs).toBe(paused.virtualTimeNs)
    expect(again.eventsDispatched).toBe(paused.eventsDispatched)
    await api.stepRun()
    const stepped = await freshStats()
    expect(stepped.eventsDispatched).toBe(paused.eventsDispatched + 1)
    expect(stepped.state).toBe('paused')
  })

  it('answers the inspection queries between slices', async () => {
    const packets = await api.listPackets()
    expect(packets.length).toBeGreaterThan(0)
    // Let the run go on until, paused, some packet carries a frame (the protocol holds indicated packets a while).
    let detail = null
    while (!detail) {
      await api.resumeRun()
      await api.pauseRun()
      const chained = (await api.listPackets()).find((p) => p.bufferCount > 0)
      if (chained) detail = await api.getPacket(chained.address)
    }
    expect(detail.chain.length).toBeGreaterThan(0)
    expect(detail.bytes.length).toBeGreaterThan(0)
    expect(detail.decode[0]!.label).toMatch(/^Ethernet II/)
    expect(await api.getPacket(1)).toBeNull()
    const controller = await api.getController()
    expect(controller!.rx.size).toBeGreaterThan(0)
    expect(controller!.registers.length).toBeGreaterThan(10)
    const trace = await api.getTrace(0, 100, [])
    expect(trace.length).toBe(100)
    expect(await api.getFindings()).toEqual([])
  })

  it('pulls the cable: the controller reports the link down', async () => {
    await api.setCable(false)
    expect((await api.getController())!.linkUp).toBe(false)
    await api.setCable(true)
    expect((await api.getController())!.linkUp).toBe(true)
  })

  it('stops: the miniport is halted, the leak scans find nothing for the reference driver', async () => {
    await api.resumeRun()
    await api.setSpeed('realtime')
    await api.stopRun()
    const ended = await statsWhere((s) => s.state === 'ended')
    expect(ended.stopReason).toBe('stopped')
    expect(ended.bugCheck).toBeNull()
    expect(ended.error).toBeNull()
    expect(ended.findingCount).toBe(0)
    expect(await api.getFindings()).toEqual([])
    // The ended run can still be inspected.
    expect((await api.getController())!.registers.length).toBeGreaterThan(0)
  })
})

describe('runs that cannot start or do not end well', () => {
  it('gives diagnostics with line and column for a type error, and does not start', async () => {
    const bad = 'export function DriverEntry(): number {\n  const x: number = "text"\n  return x\n}\n'
    const result = await api.startRun(request({ fileName: 'bad.ts', scriptText: bad }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.diagnostics[0]).toMatchObject({ file: 'bad.ts', line: 2, column: 9, severity: 'error' })
    expect(await api.checkScript('bad.ts', bad)).toMatchObject([{ line: 2, column: 9 }])
    expect(await api.checkScript('reference-miniport.ts', REFERENCE)).toEqual([])
  })

  it('gives a diagnostic for a bad scenario', async () => {
    const result = await api.startRun(request({ scenarioText: '{ "wire": { "kind": "nothing" } }' }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.diagnostics[0]!.file).toBe('scenario.json')
    const json = await api.startRun(request({ scenarioText: '{\n  "name": "x",\n  oops\n}' }))
    expect(json.ok).toBe(false)
    if (!json.ok) expect(json.diagnostics[0]).toMatchObject({ file: 'scenario.json', line: 3, column: 3 })
  })

  it('keeps a bug check a bug check: the ended run is not taken for a hung handler later', async () => {
    const script = readFileSync(join(ROOT, 'examples', 'buggy', 'spin-lock-released-twice.ts'), 'utf8')
    latest = null
    const started = await api.startRun(request({ fileName: 'spin-lock-released-twice.ts', scriptText: script }))
    expect(started).toEqual({ ok: true })
    const ended = await statsWhere((s) => s.state === 'ended')
    expect(ended.stopReason).toBe('bugcheck')
    expect(ended.bugCheck).toMatchObject({ code: '0xC4' })
    // Well past the watchdog's budget (500 ms here): still the same bug check, and the ended run answers queries.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(latest!.stopReason).toBe('bugcheck')
    expect(latest!.bugCheck).toMatchObject({ code: '0xC4' })
    expect((await api.getFindings()).some((f) => f.bugCheck)).toBe(true)
  })

  it('stops an ISR that spins forever with the watchdog bug check at its line; the next run works', async () => {
    // The ISR of the reference driver, made to spin: a loop that never ends inside MiniportISR.
    const isr = REFERENCE.indexOf('function MiniportISR')
    expect(isr).toBeGreaterThan(0)
    const body = REFERENCE.indexOf('{', isr) + 1
    const spinning = REFERENCE.slice(0, body) + '\n  for (;;) {}\n' + REFERENCE.slice(body)
    const spinLine = REFERENCE.slice(0, body).split('\n').length + 1
    latest = null
    await expect(api.startRun(request({ fileName: 'spin.ts', scriptText: spinning }))).resolves.toEqual({ ok: true })
    const stopped = await statsWhere((s) => s.bugCheck !== null)
    expect(stopped.state).toBe('ended')
    expect(stopped.stopReason).toBe('watchdog')
    expect(stopped.bugCheck).toMatchObject({ code: '0x133', name: 'DPC_WATCHDOG_VIOLATION', rule: 'R15' })
    expect(stopped.bugCheck!.at).toMatchObject({ file: 'spin.ts', line: spinLine })
    expect(stopped.bugCheck!.message).toMatch(/^MiniportISR did not return/)
    // The host is still here, and a new run starts and moves.
    latest = null
    await expect(api.startRun(request())).resolves.toEqual({ ok: true })
    await statsWhere((s) => s.state === 'running' && s.nic['rxFrames']! > 0)
    await api.stopRun()
    await statsWhere((s) => s.state === 'ended')
  })
})
