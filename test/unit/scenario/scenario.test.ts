// The scenario file (docs/scenario.md): defaults, durations, errors with their JSON path, the shipped examples, and
// the published JSON Schema generated from the same definition.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatDuration, formatDurationShort, parseDuration } from '../../../core/scenario/duration'
import { scenarioJsonSchema } from '../../../core/scenario/json-schema'
import { defaultScenario, parseScenario } from '../../../core/scenario/schema'

const ROOT = join(__dirname, '..', '..', '..')

describe('durations', () => {
  it.each([
    ['500us', 500_000],
    ['20ms', 20_000_000],
    ['3s', 3_000_000_000],
    ['1.5ms', 1_500_000],
    ['250ns', 250],
    ['7µs', 7_000],
    ['42', 42],
  ])('%s is %d ns', (text, ns) => expect(parseDuration(text)).toEqual({ ns }))

  it.each(['', 'forever', '-5ms', '5 minutes', '1e3s'])('"%s" is refused with a reason', (text) => {
    expect(parseDuration(text)).toHaveProperty('error')
  })

  it('prints a readable approximation for progress lines', () => {
    expect([
      formatDurationShort(42_920_647),
      formatDurationShort(1_250_000_000),
      formatDurationShort(730),
      formatDurationShort(1500),
    ]).toEqual(['42.9ms', '1.25s', '730ns', '1.5us'])
  })

  it('prints the shortest exact form', () => {
    expect([
      formatDuration(20_000_000),
      formatDuration(1_500_000_000),
      formatDuration(750_000),
      formatDuration(12),
    ]).toEqual(['20ms', '1.5s', '750us', '12ns'])
  })
})

describe('scenario schema', () => {
  it('fills every default of the default scenario', () => {
    const s = defaultScenario()
    expect(s.duration).toBe(20_000_000)
    expect(s.wire).toMatchObject({ kind: 'generator', rateFps: 10_000, size: { kind: 'fixed', bytes: 64 } })
    expect(s.protocol.holdTime).toEqual({ distribution: 'fixed', ns: 50_000 })
    expect(s.controller.cableConnected).toBe(true)
    expect(s.faults).toEqual({ linkFlaps: [], receiveErrors: [], dmaStalls: [], resets: [] })
    expect(s.protocol.binding).toEqual({
      enabled: true,
      lookahead: 128,
      packetFilter: ['DIRECTED', 'MULTICAST', 'BROADCAST'],
      multicast: [],
      statisticsIntervalNs: 10_000_000,
    })
    expect(s.protocol.requests).toEqual([])
  })

  it('names the JSON path and the reason of the first problem', () => {
    expect(parseScenario({ wire: { kind: 'generator', rateFps: 0 } })).toEqual({
      error: { path: 'wire.rateFps', message: 'Too small: expected number to be >0' },
    })
    const flap = parseScenario({
      faults: {
        linkFlaps: [
          { at: '1ms', down: '1ms' },
          { at: 'soon', down: '1ms' },
        ],
      },
    })
    expect(flap).toMatchObject({ error: { path: 'faults.linkFlaps[1].at' } })
    expect(parseScenario({ wires: {} })).toEqual({ error: { path: '(root)', message: 'Unrecognized key: "wires"' } })
    expect(parseScenario('not an object')).toHaveProperty('error')
  })

  it('chooses the controller model: the WB-100 by default, the 82540EM by name; another name is an error at its path', () => {
    expect(defaultScenario().controller.model).toBe('wb100')
    const chosen = parseScenario({ controller: { model: '82540em' } })
    expect('scenario' in chosen && chosen.scenario.controller.model).toBe('82540em')
    const unknown = parseScenario({ controller: { model: 'e1000e' } })
    expect('error' in unknown && unknown.error.path).toBe('controller.model')
    const speed = parseScenario({ controller: { model: '82540em', linkSpeedMbps: 2500 } })
    expect('error' in speed && speed.error.path).toBe('controller.linkSpeedMbps')
  })

  it.each(readdirSync(join(ROOT, 'examples', 'scenarios')))('shipped scenario %s is valid', (name) => {
    const json = JSON.parse(readFileSync(join(ROOT, 'examples', 'scenarios', name), 'utf8'))
    expect(parseScenario(json)).toHaveProperty('scenario')
  })

  it('docs/scenario.schema.json is current (npm run docs:scenario)', () => {
    const published = JSON.parse(readFileSync(join(ROOT, 'docs', 'scenario.schema.json'), 'utf8'))
    expect(published).toEqual(scenarioJsonSchema())
  })
})

describe('OID requests in a scenario', () => {
  it('an OID the workbench does not know is refused with its JSON path', () => {
    const r = parseScenario({ protocol: { requests: [{ atNs: 0, type: 'query', oid: 'OID_GEN_NO_SUCH_THING' }] } })
    expect('error' in r && r.error.path).toBe('protocol.requests[0].oid')
    const number = parseScenario({ protocol: { requests: [{ atNs: 0, type: 'query', oid: 0x00010101 }] } })
    expect('error' in number && number.error.path).toBe('protocol.requests[0].oid')
  })

  it('takes known OID names and vendor OIDs (0xFF000000 and up)', () => {
    const r = parseScenario({
      protocol: {
        requests: [
          { atNs: 5_000_000, type: 'set', oid: 'OID_GEN_CURRENT_PACKET_FILTER', filter: ['PROMISCUOUS'] },
          { atNs: 6_000_000, type: 'query', oid: 0xff010203, length: 8 },
        ],
      },
    })
    expect('scenario' in r && r.scenario.protocol.requests).toHaveLength(2)
  })

  it('refuses a packet filter name NDIS does not define, and bytes that are not hex', () => {
    const filter = parseScenario({ protocol: { binding: { packetFilter: ['EVERYTHING'] } } })
    expect('error' in filter && filter.error.path).toBe('protocol.binding.packetFilter[0]')
    const bytes = parseScenario({
      protocol: { requests: [{ atNs: 0, type: 'set', oid: 'OID_802_3_MULTICAST_LIST', bytes: 'zz' }] },
    })
    expect('error' in bytes && bytes.error.path).toBe('protocol.requests[0].bytes')
  })
})
