// The views' logic without Vue: formatting, the bytes pane, gauges, sparklines, grouping, the trace window, keys,
// remembered settings, markers, the scenario schema and the WebSocket message routing.
import { describe, expect, it } from 'vitest'
import { formatCount, formatLocation, formatNs, hex, hex32 } from '../../../renderer/src/services/format'
import { asciiOf, bufferIndexAt, buffersInRange, hexRows, rangeOfBuffer } from '../../../renderer/src/services/hexdump'
import { gaugeShares, poolHealth } from '../../../renderer/src/services/pool-gauge'
import { PoolHistory, sparklinePoints } from '../../../renderer/src/services/sparkline'
import { groupByOwner } from '../../../renderer/src/services/packet-groups'
import { TraceLog } from '../../../renderer/src/services/trace-log'
import { runBarActionFor } from '../../../renderer/src/services/run-keys'
import {
  clampPane,
  defaultSettings,
  loadSettings,
  saveSettings,
  SETTINGS_KEY,
} from '../../../renderer/src/services/settings'
import {
  diagnosticMarkers,
  findingMarkers,
  runtimeErrorMarkers,
  sameFile,
} from '../../../renderer/src/services/markers'
import { scenarioJsonSchema } from '../../../renderer/src/services/scenario-schema'
import { routeMessage, socketApiUrl } from '../../../renderer/src/api/socket-transport'
import { ScenarioSchema } from '../../../core/scenario/schema'
import type { PacketSummary, RunStats, TraceRow } from '../../../core/api/workbench-api'
import { finding, pool, udpPacket } from './fixtures/host'

const chord = (key: string, shiftKey = false) => ({ key, shiftKey, ctrlKey: false, altKey: false, metaKey: false })

describe('format', () => {
  it('shows addresses as 32-bit hex, negative numbers as their unsigned 32-bit value', () => {
    expect(hex32(0x80001000)).toBe('0x80001000')
    expect(hex32(0x10)).toBe('0x00000010')
    expect(hex32(-1)).toBe('0xffffffff')
    expect(hex(0x14, 3)).toBe('0x014')
  })
  it('shows virtual time in the unit that fits', () => {
    expect(formatNs(672)).toBe('672 ns')
    expect(formatNs(1_500)).toBe('1.500 µs')
    expect(formatNs(20_000_000)).toBe('20.000 ms')
    expect(formatNs(3_000_000_000)).toBe('3.000000 s')
    expect(formatNs(Number.NaN)).toBe('—')
  })
  it('shows rates with SI prefixes', () => {
    expect(formatCount(999)).toBe('999')
    expect(formatCount(148_810)).toBe('149k')
    expect(formatCount(1_488_095)).toBe('1.49M')
  })
  it('shows a source location as file:line without folders', () => {
    expect(formatLocation({ file: 'examples/buggy/double-free.ts', line: 42, column: 1 })).toBe('double-free.ts:42')
    expect(formatLocation(null)).toBe('—')
    expect(formatLocation({ file: 'a.ts', line: 0, column: 0 })).toBe('—')
  })
})

describe('bytes pane (Wireshark layout)', () => {
  const detail = udpPacket()
  it('cuts the frame into rows of 16 with their offsets', () => {
    const rows = hexRows(detail.bytes)
    expect(rows.map((r) => r.offset)).toEqual([0, 16, 32, 48])
    expect(rows[3]!.bytes).toHaveLength(60 - 48)
  })
  it('prints printable ASCII and dots for the rest', () => {
    expect([0x41, 0x20, 0x7e, 0x7f, 0x00, 0x0a].map(asciiOf).join('')).toBe('A ~...')
  })
  it('finds the buffer holding a byte from the chain frame offsets', () => {
    expect(bufferIndexAt(detail.chain, 0)).toBe(0)
    expect(bufferIndexAt(detail.chain, 13)).toBe(0)
    expect(bufferIndexAt(detail.chain, 14)).toBe(1)
    expect(bufferIndexAt(detail.chain, 60)).toBe(-1)
  })
  it('finds every buffer a selected field spans', () => {
    expect(buffersInRange(detail.chain, 12, 2)).toEqual([0])
    expect(buffersInRange(detail.chain, 10, 10)).toEqual([0, 1])
    expect(buffersInRange(detail.chain, 26, 4)).toEqual([1])
    expect(rangeOfBuffer(detail.chain, 1)).toEqual({ start: 14, length: 46 })
    expect(rangeOfBuffer(detail.chain, 5)).toBeNull()
  })
})

describe('pool gauge', () => {
  it('gives in-use and high-water shares of the pool', () => {
    expect(gaugeShares(pool({ inUse: 16, heldByProtocol: 8, free: 48, highWater: 32 }))).toEqual({
      inUse: 0.25,
      held: 0.125,
      highWater: 0.5,
      capacity: 64,
    })
  })
  it('never shows more lent to the protocol than is in use', () => {
    expect(gaugeShares(pool({ inUse: 4, heldByProtocol: 9, free: 60 })).held).toBe(4 / 64)
  })
  it('calls a full pool that refused allocations exhausted; a full pool without failures is only full', () => {
    expect(poolHealth(pool({ inUse: 64, free: 0, failures: 3 }))).toBe('exhausted')
    expect(poolHealth(pool({ inUse: 64, free: 0, failures: 0 }))).toBe('full')
    expect(poolHealth(pool({ inUse: 10, free: 54, failures: 3 }))).toBe('failing')
    expect(poolHealth(pool({ inUse: 60, free: 4 }))).toBe('high')
    expect(poolHealth(pool())).toBe('ok')
    expect(poolHealth(pool({ freed: true, inUse: 0, free: 0 }))).toBe('freed')
  })
})

describe('pool history and sparkline', () => {
  it('keeps the newest samples of each pool, oldest first', () => {
    const h = new PoolHistory(3)
    for (const inUse of [1, 2, 3, 4]) h.record([pool({ inUse }), pool({ handle: 2, inUse: inUse * 10 })])
    expect(h.series(0x80001000)).toEqual([2, 3, 4])
    expect(h.series(2)).toEqual([20, 30, 40])
    expect(h.series(99)).toEqual([])
  })
  it('draws the newest sample at the right edge, full at the top', () => {
    expect(sparklinePoints([0, 10], 10, 100, 20, 2)).toBe('0.0,20.0 100.0,0.0')
    expect(sparklinePoints([5], 10, 100, 20, 2)).toBe('100.0,10.0')
    expect(sparklinePoints([], 10, 100, 20)).toBe('')
  })
})

describe('packets by owner', () => {
  it('groups miniport, protocol, free in that order, by address, leaving out empty groups', () => {
    const p = (address: number, owner: PacketSummary['owner']): PacketSummary => ({
      address,
      pool: 1,
      owner,
      allocatedAt: null,
      totalLength: 60,
      bufferCount: 1,
    })
    const groups = groupByOwner([p(3, 'protocol'), p(2, 'miniport'), p(1, 'protocol')])
    expect(groups.map((g) => g.owner)).toEqual(['miniport', 'protocol'])
    expect(groups[1]!.packets.map((x) => x.address)).toEqual([1, 3])
  })

  it('lists the packets with a buffer chain and folds those without one, so idle descriptors come last', () => {
    const p = (address: number, bufferCount: number): PacketSummary => ({
      address,
      pool: 1,
      owner: 'miniport',
      allocatedAt: null,
      totalLength: 60 * bufferCount,
      bufferCount,
    })
    const [miniport] = groupByOwner([p(1, 0), p(2, 0), p(9, 1), p(3, 0), p(5, 2)])
    expect(miniport!.packets.map((x) => x.address)).toEqual([5, 9])
    expect(miniport!.idle.map((x) => x.address)).toEqual([1, 2, 3])
  })
})

describe('trace window', () => {
  const row = (seq: number, kind: string): TraceRow => ({ seq, timeNs: seq * 10, kind, name: kind, arg: 0, at: null })
  it('is bounded: the oldest rows go first', () => {
    const log = new TraceLog(3)
    log.append([row(0, 'api'), row(1, 'irq'), row(2, 'api'), row(3, 'dpc')])
    expect(log.size).toBe(3)
    expect(log.dropped).toBe(1)
    expect(log.filtered(new Set()).map((r) => r.seq)).toEqual([1, 2, 3])
  })
  it('ignores rows it already holds and filters by kind', () => {
    const log = new TraceLog()
    log.append([row(0, 'api'), row(1, 'irq')])
    log.append([row(1, 'irq'), row(2, 'api')])
    expect(log.lastSeq).toBe(2)
    expect(log.kinds()).toEqual(['api', 'irq'])
    expect(log.filtered(new Set(['api'])).map((r) => r.seq)).toEqual([0, 2])
  })
})

describe('debugger keys', () => {
  it('F5 runs when idle or ended and continues when paused', () => {
    expect(runBarActionFor(chord('F5'), 'idle')).toBe('start')
    expect(runBarActionFor(chord('F5'), 'ended')).toBe('start')
    expect(runBarActionFor(chord('F5'), 'paused')).toBe('resume')
    expect(runBarActionFor(chord('F5'), 'running')).toBeNull()
  })
  it('Shift+F5 stops a live run, F6 pauses a running one, F10 steps', () => {
    expect(runBarActionFor(chord('F5', true), 'running')).toBe('stop')
    expect(runBarActionFor(chord('F5', true), 'paused')).toBe('stop')
    expect(runBarActionFor(chord('F5', true), 'idle')).toBeNull()
    expect(runBarActionFor(chord('F6'), 'running')).toBe('pause')
    expect(runBarActionFor(chord('F6'), 'paused')).toBeNull()
    expect(runBarActionFor(chord('F10'), 'paused')).toBe('step')
    expect(runBarActionFor(chord('F10'), 'idle')).toBe('step')
    expect(runBarActionFor(chord('F10'), 'running')).toBeNull()
  })
  it('leaves chords with Ctrl, Alt or Meta alone', () => {
    expect(runBarActionFor({ ...chord('F5'), ctrlKey: true }, 'idle')).toBeNull()
  })
})

describe('remembered settings', () => {
  const memory = () => {
    const map = new Map<string, string>()
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map }
  }
  it('round-trips through storage', () => {
    const store = memory()
    saveSettings(store, { ...defaultSettings(), theme: 'light', seed: 7, speed: 'realtime', sideWidth: 500 })
    expect(loadSettings(store)).toMatchObject({ theme: 'light', seed: 7, speed: 'realtime', sideWidth: 500 })
  })
  it('falls back field by field on garbage', () => {
    const store = memory()
    store.setItem(SETTINGS_KEY, JSON.stringify({ theme: 'purple', seed: -3, speed: 'slow', sideWidth: 'wide' }))
    expect(loadSettings(store)).toMatchObject({ theme: 'dark', seed: 1, speed: 'slow', sideWidth: 460 })
    store.setItem(SETTINGS_KEY, '{not json')
    expect(loadSettings(store)).toEqual(defaultSettings())
    store.setItem(SETTINGS_KEY, 'null')
    expect(loadSettings(store)).toEqual(defaultSettings())
  })
  it('keeps a pane within the window, leaving room for the editor', () => {
    expect(clampPane(900, 200, 1000, 300)).toBe(700)
    expect(clampPane(50, 200, 1000, 300)).toBe(200)
  })
})

describe('editor markers', () => {
  const lineMax = () => 30
  it('puts findings of this script at their line, bug checks as errors', () => {
    const markers = findingMarkers(
      [
        finding(),
        finding({ severity: 'warning', at: { file: 'other.ts', line: 3, column: 1 } }),
        finding({ bugCheck: true, severity: 'warning' }),
      ],
      'miniport.ts',
      lineMax,
    )
    expect(markers).toHaveLength(2)
    expect(markers[0]).toMatchObject({
      startLineNumber: 42,
      startColumn: 5,
      endColumn: 30,
      severity: 'error',
      code: '0xC4',
    })
    expect(markers[0]!.message).toContain('R7 Double free')
    expect(markers[1]).toMatchObject({ severity: 'error', source: 'bug check' })
  })
  it('matches the script by base name, and skips locations without a line', () => {
    expect(sameFile('/tmp/run/miniport.ts', 'miniport.ts')).toBe(true)
    expect(sameFile('C:\\drv\\miniport.ts', 'miniport.ts')).toBe(true)
    expect(
      diagnosticMarkers(
        [{ file: 'miniport.ts', line: 0, column: 0, message: 'x', severity: 'error' }],
        'miniport.ts',
        lineMax,
      ),
    ).toEqual([])
  })
  it('marks the runtime error at its line', () => {
    const [marker] = runtimeErrorMarkers(
      { message: 'TypeError: x is undefined', at: { file: 'miniport.ts', line: 9, column: 0 } },
      'miniport.ts',
      lineMax,
    )
    expect(marker).toMatchObject({ startLineNumber: 9, startColumn: 1, severity: 'error', source: 'runtime' })
    expect(runtimeErrorMarkers(null, 'miniport.ts', lineMax)).toEqual([])
  })
})

describe('scenario JSON Schema (generated from core/scenario/schema.ts)', () => {
  it('describes the scenario as the engine reads it', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown>; additionalProperties?: boolean }
    expect(Object.keys(schema.properties)).toEqual(Object.keys(ScenarioSchema.shape))
    expect(schema.additionalProperties).toBe(false)
    expect(JSON.stringify(schema.properties['wire'])).toContain('"generator"')
    expect(JSON.stringify(schema.properties['verifier'])).toContain('"standard"')
  })
})

describe('WebSocket message routing (main/serve/api-socket.ts shapes)', () => {
  it('settles the waiting request, pushes stats to listeners, ignores junk', async () => {
    const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
    const seen: RunStats[] = []
    const listeners = new Set([(s: RunStats) => void seen.push(s)])
    const ok = new Promise((resolve, reject) => pending.set(1, { resolve, reject }))
    const bad = new Promise((resolve, reject) => pending.set(2, { resolve, reject }))
    routeMessage('{"id":1,"result":{"ok":true}}', pending, listeners)
    routeMessage('{"id":2,"error":"no run"}', pending, listeners)
    routeMessage('{"channel":"stats","data":{"state":"running"}}', pending, listeners)
    routeMessage('not json', pending, listeners)
    routeMessage('null', pending, listeners)
    routeMessage('{"id":77,"result":1}', pending, listeners)
    await expect(ok).resolves.toEqual({ ok: true })
    await expect(bad).rejects.toThrow('no run')
    expect(seen.map((s) => s.state)).toEqual(['running'])
    expect(pending.size).toBe(0)
  })
})

describe('the serve host WebSocket address', () => {
  const page = (search: string, hash = '') => ({ protocol: 'http:', host: '127.0.0.1:4780', search, hash })
  it('carries the launch token of the page address, from ?token= or #token=', () => {
    expect(socketApiUrl(page('?token=abc-_1'))).toBe('ws://127.0.0.1:4780/api?token=abc-_1')
    expect(socketApiUrl(page('', '#token=x%2By'))).toBe('ws://127.0.0.1:4780/api?token=x%2By')
    expect(socketApiUrl({ ...page('?token=t'), protocol: 'https:' })).toBe('wss://127.0.0.1:4780/api?token=t')
    expect(socketApiUrl(page(''))).toBe('ws://127.0.0.1:4780/api')
  })
})
