// The case list of `nicbench test`, suite by suite. The shapes follow what NDIS' own conformance testing checks of
// an 802.3 miniport (sizes from the minimum to the largest frame, bursts, the cable pulled and restored, each
// allocation failed once as Driver Verifier's low-resources simulation does), on the emulated controller and in
// virtual time, so every case gives the same result on every machine.
import type { AllocationSiteReport } from '../report/report'
import type { ScenarioInput } from '../scenario/schema'
import type { SuiteName, TestCase } from './test-case'

/** Frame lengths on the wire (with FCS): the 802.3 minimum, the common sizes, the largest of a 1500-byte MTU. */
const SIZES = [64, 65, 128, 256, 512, 1024, 1518]

function receiveCases(): TestCase[] {
  const cases: TestCase[] = SIZES.map((bytes) => ({
    id: `receive/size-${bytes}`,
    suite: 'receive',
    title: `receives ${bytes}-byte frames intact`,
    scenario: {
      name: `receive ${bytes}-byte frames`,
      duration: '10ms',
      wire: { kind: 'generator', rateFps: 20_000, size: { kind: 'fixed', bytes } },
    },
    fault: null,
    expect: { kind: 'intact' },
  }))
  cases.push({
    id: 'receive/mixed-sizes',
    suite: 'receive',
    title: 'receives frames of every size from 64 to 1518 bytes intact',
    scenario: {
      name: 'receive mixed sizes',
      duration: '10ms',
      wire: { kind: 'generator', rateFps: 20_000, arrivals: 'poisson', size: { kind: 'uniform', min: 64, max: 1518 } },
    },
    fault: null,
    expect: { kind: 'intact' },
  })
  cases.push({
    id: 'receive/bursts',
    suite: 'receive',
    title: 'receives bursts of 32 back-to-back frames intact',
    scenario: {
      name: 'receive bursts',
      duration: '10ms',
      wire: { kind: 'generator', rateFps: 20_000, burst: { frames: 32, periodNs: 1_000_000 } },
    },
    fault: null,
    expect: { kind: 'intact' },
  })
  return cases
}

function sendCases(): TestCase[] {
  return [60, 256, 1514].flatMap((bytes) =>
    [1, 8].map((batch): TestCase => ({
      id: `send/size-${bytes}-batch-${batch}`,
      suite: 'send',
      title: `sends ${bytes}-byte frames${batch > 1 ? ` in batches of ${batch}` : ''}, each completed and intact`,
      scenario: {
        name: `send ${bytes}-byte frames, batch ${batch}`,
        duration: '10ms',
        wire: { kind: 'loopback', delayNs: 2000 },
        protocol: { send: { rateFps: 10_000, bytes, batch }, receiveStream: 2 },
      },
      fault: null,
      expect: { kind: 'sends' },
    })),
  )
}

function linkCases(): TestCase[] {
  return [
    {
      id: 'link/cable-pulled-and-restored',
      suite: 'link',
      title: 'the cable pulled for 2 ms and restored: frames flow again',
      scenario: {
        name: 'cable pulled and restored',
        duration: '10ms',
        wire: { kind: 'generator', rateFps: 20_000 },
        faults: { linkFlaps: [{ at: '3ms', down: '2ms' }] },
      },
      fault: null,
      expect: { kind: 'link', changes: 2 },
    },
    {
      id: 'link/three-short-pulls',
      suite: 'link',
      title: 'the cable pulled three times for 200 µs: frames flow again after each',
      scenario: {
        name: 'three short pulls',
        duration: '10ms',
        wire: { kind: 'generator', rateFps: 20_000 },
        faults: {
          linkFlaps: [
            { at: '2ms', down: '200us' },
            { at: '4ms', down: '200us' },
            { at: '6ms', down: '200us' },
          ],
        },
      },
      fault: null,
      expect: { kind: 'link', changes: 6 },
    },
  ]
}

/** An address that is not the adapter's, and a multicast group (an IPv4 one's MAC form). */
const OTHER_HOST = '02:00:00:00:0a:99'
const GROUP = '01:00:5e:00:00:fb'

function oidCases(): TestCase[] {
  const traffic = (destination: string) =>
    ({ kind: 'generator', rateFps: 20_000, destination }) as const satisfies ScenarioInput['wire']
  return [
    {
      id: 'oid/binding',
      suite: 'oid',
      title: 'answers the binding OIDs (supported list, media, frame sizes, link speed, addresses, lookahead)',
      scenario: { name: 'binding', duration: '2ms' },
      fault: null,
      expect: { kind: 'bound' },
    },
    {
      id: 'oid/directed-filter-drops-other-hosts',
      suite: 'oid',
      title: "frames to another host's address reach no protocol under the default filter",
      scenario: { name: 'frames to another host', duration: '5ms', wire: traffic(OTHER_HOST) },
      fault: null,
      expect: { kind: 'filtered' },
    },
    {
      id: 'oid/promiscuous-takes-effect',
      suite: 'oid',
      title: "set to promiscuous at 1 ms, another host's frames reach the protocol",
      scenario: {
        name: 'promiscuous at 1 ms',
        duration: '5ms',
        wire: traffic(OTHER_HOST),
        protocol: {
          requests: [{ atNs: 1_000_000, type: 'set', oid: 'OID_GEN_CURRENT_PACKET_FILTER', filter: ['PROMISCUOUS'] }],
        },
      },
      fault: null,
      expect: { kind: 'accepted' },
    },
    {
      id: 'oid/multicast-list-takes-effect',
      suite: 'oid',
      title: 'a group in the multicast list is received; the same group is filtered without it',
      scenario: {
        name: 'multicast list',
        duration: '5ms',
        wire: traffic(GROUP),
        protocol: { binding: { multicast: [GROUP] } },
      },
      fault: null,
      expect: { kind: 'accepted' },
    },
    {
      id: 'oid/multicast-not-in-list-filtered',
      suite: 'oid',
      title: 'a group not in the multicast list reaches no protocol',
      scenario: { name: 'multicast not in the list', duration: '5ms', wire: traffic(GROUP) },
      fault: null,
      expect: { kind: 'filtered' },
    },
  ]
}

function resetCases(): TestCase[] {
  return [
    {
      id: 'reset/during-traffic',
      suite: 'reset',
      title: 'reset by NDIS at 3 ms while frames arrive: frames flow again, nothing leaks',
      scenario: {
        name: 'reset during traffic',
        duration: '10ms',
        wire: { kind: 'generator', rateFps: 20_000 },
        faults: { resets: [{ at: '3ms' }] },
      },
      fault: null,
      expect: { kind: 'reset', resets: 1 },
    },
    {
      id: 'reset/during-sends',
      suite: 'reset',
      title: 'reset twice while the protocol sends over a loopback wire: sends complete again, nothing leaks',
      scenario: {
        name: 'reset during sends',
        duration: '10ms',
        wire: { kind: 'loopback', delayNs: 2000 },
        protocol: { send: { rateFps: 10_000, bytes: 256, batch: 4 }, receiveStream: 2 },
        faults: { resets: [{ at: '2ms' }, { at: '6ms' }] },
      },
      fault: null,
      expect: { kind: 'reset', resets: 2 },
    },
  ]
}

function stressCases(durationMs: number): TestCase[] {
  return [
    {
      id: 'stress/line-rate-64',
      suite: 'stress',
      title: `64-byte frames at GbE line rate for ${durationMs} ms: the books balance`,
      scenario: {
        name: 'stress at line rate',
        duration: `${durationMs}ms`,
        wire: { kind: 'generator', rateFps: 1_488_095 },
      },
      fault: null,
      expect: { kind: 'invariants' },
    },
    {
      id: 'stress/imix-sends-and-receives',
      suite: 'stress',
      title: `IMIX receives with the protocol holding packets, for ${durationMs} ms: the books balance`,
      scenario: {
        name: 'stress IMIX',
        duration: `${durationMs}ms`,
        wire: { kind: 'generator', rateFps: 200_000, arrivals: 'poisson', size: { kind: 'imix' } },
        protocol: { holdTime: { distribution: 'exponential', meanNs: 100_000 }, keepFraction: 0.9 },
      },
      fault: null,
      expect: { kind: 'invariants' },
    },
  ]
}

/**
 * The scenario of the fault sweep: the protocol's sends looped back to the receiver for long enough that both the
 * send path (a protocol buffer's mapping) and the receive path allocate after start.
 */
export const FAULT_SCENARIO: ScenarioInput = {
  name: 'fault sweep',
  duration: '5ms',
  wire: { kind: 'loopback', delayNs: 2000 },
  protocol: { send: { rateFps: 20_000, bytes: 256, batch: 4 }, receiveStream: 2 },
}

/** The sweep's clean run: the same scenario, counting the driver's allocations by call site. */
export function faultBaselineCase(): TestCase {
  return {
    id: 'fault/clean-run',
    suite: 'fault',
    title: 'runs clean with every allocation granted',
    scenario: FAULT_SCENARIO,
    fault: null,
    allocationSites: true,
    expect: { kind: 'intact' },
  }
}

/**
 * One case per allocation call site of the clean run (NdisAllocatePacket, NdisAllocateBuffer,
 * NdisAllocateMemoryWithTag, NdisMAllocateSharedMemory, and the mapping of a protocol's buffer), failing its first call; and, where the site made at least
 * `nth` calls, one failing its nth (`'all'`: one case for each call the site made, for helpers that every allocation
 * goes through). Sites are the (call, line) pairs the clean run reported, in line order.
 */
export function faultCases(sites: readonly AllocationSiteReport[], nth: number | 'all'): TestCase[] {
  const seen = new Set<string>()
  const cases: TestCase[] = []
  for (const s of sites) {
    const key = `${s.call}@${s.line}`
    if (seen.has(key)) continue
    seen.add(key)
    const calls = sites.filter((o) => o.call === s.call && o.line === s.line).reduce((n, o) => n + o.calls, 0)
    const ordinals =
      nth === 'all'
        ? Array.from({ length: Math.min(calls, MAX_ORDINALS) }, (_, i) => i + 1)
        : calls >= nth && nth > 1
          ? [1, nth]
          : [1]
    for (const n of ordinals)
      cases.push({
        id: `fault/${s.call}@${s.line}#${n}`,
        suite: 'fault',
        title: `${s.call} at line ${s.line} fails its ${n === 1 ? 'first' : `call number ${n}`} call: no leak, no crash`,
        scenario: FAULT_SCENARIO,
        fault: `${s.call}@${s.line}:#${n}`,
        expect: { kind: 'survives' },
      })
  }
  return cases
}

/** The most cases `--fault-nth all` makes for one site (a loop of allocations would make thousands). */
export const MAX_ORDINALS = 64

export interface SuiteOptions {
  /** Virtual time of the stress cases. */
  stressMs: number
}

/** The static cases of the suites asked for (the fault sweep's cases come from its clean run). */
export function staticCases(suites: readonly SuiteName[], options: SuiteOptions): TestCase[] {
  const all: TestCase[] = []
  for (const suite of suites) {
    if (suite === 'oid') all.push(...oidCases())
    else if (suite === 'reset') all.push(...resetCases())
    else if (suite === 'receive') all.push(...receiveCases())
    else if (suite === 'send') all.push(...sendCases())
    else if (suite === 'link') all.push(...linkCases())
    else if (suite === 'stress') all.push(...stressCases(options.stressMs))
  }
  return all
}
