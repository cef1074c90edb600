// C structure field access and list operations per second through what a script calls (docs/structures.md): a
// view's field reads and writes, checked by the kernel as every script access is, against a bare DataView over the
// same arena; and InsertTailList + RemoveHeadList pairs against a bare doubly linked list in an Int32Array — both
// baselines measured in the same run. Also the heap a million field accesses leave behind (they should make none).
import { Kernel } from '../core/kernel/kernel'
import { KVA_BASE } from '../core/kernel/memory'
import { createNdisLibrary } from '../core/ndis/api'
import { structApi } from '../core/miniport/struct-api'
import { VERIFIER_OFF, VERIFIER_STANDARD } from '../core/verifier/level'
import { FigureOutput } from './figure'

const ACCESSES = 5_000_000
const PAIRS = 2_000_000
const ROUNDS = 7
const out = new FigureOutput('structs')

const k = new Kernel({ memoryBytes: 1 << 20 })
const c = structApi(k)
const ndis = createNdisLibrary(k)
const RCB = c.C_STRUCT('RCB', { List: c.LIST_ENTRY, Packet: c.PNDIS_PACKET, Length: c.ULONG, Flags: c.USHORT })
const size = c.sizeof(RCB)
const va = { value: 0 }
ndis.NdisAllocateMemoryWithTag(va, 64 * size + 8, 0x62636e72)
const base = va.value
const view = RCB.at(base) as unknown as { Length: number; Flags: number; $va: number }
const dv = k.memory.view

let sink = 0
function rate(n: number, fn: () => void): number {
  const t0 = process.hrtime.bigint()
  fn()
  return n / (Number(process.hrtime.bigint() - t0) / 1e9)
}

/** A receive loop's pattern: read the length, bump it, set a flag, across 64 structures. */
function viewLoop(): void {
  for (let i = 0; i < ACCESSES / 4; i++) {
    view.$va = base + (i & 63) * size
    const l = view.Length
    view.Length = l + 1
    view.Flags = i
    sink += view.Flags
  }
}

function dataViewLoop(): void {
  const off = base - KVA_BASE
  for (let i = 0; i < ACCESSES / 4; i++) {
    const at = off + (i & 63) * size
    const l = dv.getUint32(at + 12, true)
    dv.setUint32(at + 12, (l + 1) >>> 0, true)
    dv.setUint16(at + 16, i & 0xffff, true)
    sink += dv.getUint16(at + 16, true)
  }
}

const head = base + 64 * size
ndis.InitializeListHead(head)
function listLoop(): void {
  for (let i = 0; i < PAIRS; i++) {
    ndis.InsertTailList(head, base + (i & 63) * size)
    sink += ndis.RemoveHeadList(head)
  }
}

// The same list as indices in an Int32Array: entry 64 is the head; flink at 2i, blink at 2i+1.
const links = new Int32Array(2 * 65)
links[128] = 64
links[129] = 64
function bareListLoop(): void {
  for (let i = 0; i < PAIRS; i++) {
    const e = i & 63
    const blink = links[129]!
    links[2 * e] = 64
    links[2 * e + 1] = blink
    links[2 * blink] = e
    links[129] = e
    const first = links[128]!
    const next = links[2 * first]!
    links[128] = next
    links[2 * next + 1] = 64
    sink += first
  }
}

const best = { view: 0, viewOff: 0, dataView: 0, list: 0, bareList: 0 }
for (let r = 0; r < ROUNDS; r++) {
  k.verifier.level = VERIFIER_STANDARD
  best.view = Math.max(best.view, rate(ACCESSES, viewLoop))
  best.list = Math.max(best.list, rate(PAIRS, listLoop))
  k.verifier.level = VERIFIER_OFF
  best.viewOff = Math.max(best.viewOff, rate(ACCESSES, viewLoop))
  best.dataView = Math.max(best.dataView, rate(ACCESSES, dataViewLoop))
  best.bareList = Math.max(best.bareList, rate(PAIRS, bareListLoop))
}
k.verifier.level = VERIFIER_STANDARD
const before = process.memoryUsage().heapUsed
viewLoop()
const heapPerAccess = Math.max(0, process.memoryUsage().heapUsed - before) / ACCESSES
if (k.verifier.findings.length !== 0 || sink === 0.5) throw new Error('benchmark run made findings')

out.text(`Node ${process.version}; best of ${ROUNDS} rounds, taking turns`)
const dataView = { name: 'bare DataView over the arena', value: best.dataView, unit: 'accesses/s' }
out.figure('struct field reads and writes, verifier standard', best.view, 'accesses/s', dataView)
out.figure('struct field reads and writes, verifier off', best.viewOff, 'accesses/s', dataView)
const bareList = { name: 'bare Int32Array doubly linked list', value: best.bareList, unit: 'pairs/s' }
out.figure('InsertTailList+RemoveHeadList, verifier standard', best.list, 'pairs/s', bareList)
out.figure('heap left by field accesses (no GC between)', heapPerAccess, 'bytes/access')
