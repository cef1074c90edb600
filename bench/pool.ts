// NdisAllocatePacket + NdisFreePacket pairs per second through the functions a script calls (Out cells, handle
// checks, zeroing the descriptor, statistics and all), verifier off / standard / full, each as a ratio against a bare
// free list that does the one thing the call must do besides — zero a descriptor of the same size (bench/bare-pool.ts)
// — measured in the same run; and the bytes per descriptor of a 65,535-descriptor pool against the descriptor's
// layout size (ProtocolReserved 16).
import { Kernel } from '../core/kernel/kernel'
import { createNdisLibrary } from '../core/ndis/api'
import { packetLength } from '../core/ndis/layout'
import { ndisRuntime } from '../core/ndis/instance'
import { VERIFIER_FULL, VERIFIER_OFF, VERIFIER_STANDARD } from '../core/verifier/level'
import { BarePool, barePoolPairsPerSecond, barePoolSink } from './bare-pool'
import { FigureOutput } from './figure'

const PAIRS = 3_000_000
const ROUNDS = 7
const PROTOCOL_RESERVED = 16
const DESCRIPTOR_BYTES = packetLength(PROTOCOL_RESERVED)

const out = new FigureOutput('pool')

/** Pairs per second of one timed run. */
function rate(fn: () => void): number {
  const t0 = process.hrtime.bigint()
  fn()
  return PAIRS / (Number(process.hrtime.bigint() - t0) / 1e9)
}

const bare = new BarePool(64, DESCRIPTOR_BYTES)

// One kernel and one library for every level: the level is a run-time setting read on each call, and a script
// host gives one run one library (separate libraries in one process would share their optimised code).
const k = new Kernel({ memoryBytes: 1 << 20 })
const { NdisAllocatePacketPool, NdisAllocatePacket, NdisFreePacket } = createNdisLibrary(k)
const cell = k.sites.cell
const allocSite = k.sites.register('bench.ts', 10, 5)
const freeSite = k.sites.register('bench.ts', 11, 5)
const status = { value: 0 }
const pool = { value: 0 }
NdisAllocatePacketPool(status, pool, 64, PROTOCOL_RESERVED)
const packet = { value: 0 }
const handle = pool.value

function library(): void {
  for (let i = 0; i < PAIRS; i++) {
    cell[0] = allocSite
    NdisAllocatePacket(status, packet, handle)
    cell[0] = freeSite
    NdisFreePacket(packet.value)
  }
}

function footprint(): number {
  const k = new Kernel({ memoryBytes: 16 << 20 })
  const ndis = createNdisLibrary(k)
  const status = { value: 0 }
  const pool = { value: 0 }
  ndis.NdisAllocatePacketPool(status, pool, 65535, PROTOCOL_RESERVED)
  const p = ndisRuntime(k).findPacketPool(pool.value)!
  const block = k.memory.live.get(pool.value)!.size
  return (block + p.bookkeepingBytes()) / 65535
}

// Modes take turns round by round, and each keeps its best round, so a busy machine slows them alike.
const best = { bare: 0, off: 0, standard: 0, full: 0 }
const levels = { off: VERIFIER_OFF, standard: VERIFIER_STANDARD, full: VERIFIER_FULL } as const
for (let r = 0; r < ROUNDS; r++) {
  best.bare = Math.max(best.bare, barePoolPairsPerSecond(bare, PAIRS))
  for (const mode of ['off', 'standard', 'full'] as const) {
    k.verifier.level = levels[mode]
    best[mode] = Math.max(best[mode], rate(library))
  }
}
if (status.value !== 0 || k.verifier.findings.length !== 0 || barePoolSink() < 0)
  throw new Error('benchmark run made findings')

out.text(`Node ${process.version}; best of ${ROUNDS} rounds of ${PAIRS} pairs each, taking turns`)
const baseline = {
  name: `bare free list zeroing ${DESCRIPTOR_BYTES} bytes`,
  value: best.bare,
  unit: 'pairs/s',
}
for (const mode of ['off', 'standard', 'full'] as const) {
  out.figure(
    `NdisAllocatePacket+NdisFreePacket, verifier ${mode}`,
    best[mode],
    'pairs/s',
    baseline,
    mode === 'standard' ? { ratio: { min: 0.8 } } : null,
  )
}
out.figure(
  `bytes per descriptor (65,535 descriptors, ProtocolReserved ${PROTOCOL_RESERVED})`,
  footprint(),
  'bytes',
  { name: 'the descriptor layout (ndis5.md §2.2)', value: DESCRIPTOR_BYTES, unit: 'bytes' },
  { ratio: { max: 1.25 } },
)
