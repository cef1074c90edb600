// A bound protocol on real parts: kernel (on the scheduler's clock), NDIS library, scheduler, event log, controller
// and a MiniportRuntime whose adapter carries the handlers a test gives. Not a test file itself.
import { BugCheck } from '../../../core/verifier/bugcheck'
import { Kernel } from '../../../core/kernel/kernel'
import { KVA_BASE } from '../../../core/kernel/memory'
import { NicController } from '../../../core/controller'
import { MINIPORT_ADAPTER_HANDLE } from '../../../core/miniport/handles'
import { HandlerWatch } from '../../../core/miniport/handler-watch'
import type { MiniportHandlers } from '../../../core/miniport/characteristics'
import { MiniportRuntime } from '../../../core/miniport/runtime'
import { createNdisLibrary } from '../../../core/ndis/api'
import { ndisRuntime } from '../../../core/ndis/instance'
import { BoundProtocol } from '../../../core/protocol/bound-protocol'
import type { ProtocolOptions } from '../../../core/protocol/options'
import { indicateReceiveApi, ReceiveIndication } from '../../../core/miniport/indicate-receive'
import { PacketReturn } from '../../../core/miniport/return-packet'
import { NdisRequests } from '../../../core/miniport/request'
import { sendApi } from '../../../core/miniport/send-api'
import { Scheduler } from '../../../core/sim/scheduler'
import { SeededRandom } from '../../../core/sim/seeded-random'
import { EventLog } from '../../../core/trace/event-log'
import { parseMac } from '../../../core/wire/ethernet'
import { writeTestFrame } from '../../../core/wire/test-frame'

export const H = MINIPORT_ADAPTER_HANDLE

export interface RigOptions {
  protocol?: ProtocolOptions
  handlers?: Partial<MiniportHandlers>
  deserialized?: boolean
  seed?: number
  /** False: the protocol is not bound yet (the test binds it). */
  bind?: boolean
}

export function makeRig(o: RigOptions = {}) {
  const scheduler = new Scheduler()
  const k = new Kernel({ memoryBytes: 1 << 22, clock: scheduler.clock })
  const ndis = createNdisLibrary(k)
  const rt = ndisRuntime(k)
  const controller = new NicController({ memory: k.memory, scheduler, eventKindBase: 0 })
  const log = new EventLog(4096)
  const m = new MiniportRuntime(
    {
      kernel: k,
      scheduler,
      controller,
      log,
      watch: new HandlerWatch(),
      registry: {},
      debugOutput: [],
      statusIndications: [],
    },
    10,
  )
  const context = { name: 'adapter context' }
  const a = m.adapter
  a.handlers = {
    MajorNdisVersion: 5,
    MinorNdisVersion: 0,
    InitializeHandler: () => 0,
    HaltHandler: () => undefined,
    ...o.handlers,
  } as MiniportHandlers
  a.context = context
  a.attributesSet = true
  a.attributeFlags = o.deserialized ? 0x20 : 0
  a.state = 'running'
  const returns = new PacketReturn(m)
  const indication = new ReceiveIndication(m, returns)
  const requests = new NdisRequests(m)
  const p = new BoundProtocol(
    m,
    o.protocol ?? {},
    new SeededRandom(o.seed ?? 1),
    20,
    { indication, returns, requests },
    controller.resources.permanentAddress,
  )
  // Bound as NDIS binds it once MiniportInitialize succeeded (tests that want no binding say so in `protocol`).
  if (o.bind !== false) p.bind()
  const api = { ...indicateReceiveApi(indication), ...sendApi(m, p.sender.queue) }
  const rules = () => k.verifier.findings.map((f) => f.rule)
  const site = (line: number) => k.sites.at('driver.ts', line)
  return { scheduler, k, ndis, rt, controller, log, m, p, api, context, rules, site }
}

export type Rig = ReturnType<typeof makeRig>

/** Out cell. */
export const out = () => ({ value: -1 })

/**
 * A receive pool and a helper that allocates a packet, writes a test frame (stream 1) split over `parts` buffers,
 * chains them and sets HeaderSize, as a miniport's receive path does.
 */
export function receivePool(r: Rig, descriptors = 16) {
  const { ndis } = r
  const st = out()
  const pool = out()
  ndis.NdisAllocatePacketPool(st, pool, descriptors, 16)
  const bp = out()
  ndis.NdisAllocateBufferPool(st, bp, descriptors * 4)
  const scratch = new Uint8Array(2048)
  const dst = parseMac('02:00:4e:57:42:01')
  const src = parseMac('02:00:4e:57:42:fe')
  return {
    pool: pool.value,
    /** A packet holding test frame `sequence` of `length` bytes in `parts` buffers; `corrupt` flips one byte. */
    make(sequence: number, length = 60, parts = 1, o: { corrupt?: boolean; stream?: number; raw?: Uint8Array } = {}) {
      let frame: Uint8Array
      if (o.raw) frame = o.raw
      else {
        writeTestFrame(scratch, length, sequence, o.stream ?? 1, dst, src)
        frame = scratch.subarray(0, length)
        if (o.corrupt) frame[40] ^= 0xff
      }
      const p = out()
      ndis.NdisAllocatePacket(st, p, pool.value)
      if (st.value !== 0) throw new Error('no packet')
      const cut = Math.ceil(frame.length / parts)
      for (let off = 0; off < frame.length; off += cut) {
        const n = Math.min(cut, frame.length - off)
        const va = out()
        ndis.NdisAllocateMemoryWithTag(va, n, 0x76637852)
        r.k.memory.u8.set(frame.subarray(off, off + n), va.value - KVA_BASE)
        const b = out()
        ndis.NdisAllocateBuffer(st, b, bp.value, va.value, n)
        ndis.NdisChainBufferAtBack(p.value, b.value)
      }
      ndis.NDIS_SET_PACKET_HEADER_SIZE(p.value, 14)
      ndis.NDIS_SET_PACKET_STATUS(p.value, 0)
      return p.value
    },
  }
}

export function bugCheckOf(fn: () => void): BugCheck {
  try {
    fn()
  } catch (e) {
    if (e instanceof BugCheck) return e
    throw e
  }
  throw new Error('no bug check')
}
