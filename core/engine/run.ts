// One run of a miniport script (ARCHITECTURE.md, "Parts and the data flow"): virtual time, the emulated kernel and NDIS
// library, the controller, the wire, the protocol above, the miniport's handlers and the verifier, wired together.
// Pure and deterministic: the same config and script give the same events, findings and report.
import { AllocationSites } from './allocation-sites'
import { ndisRuntime } from '../ndis/instance'
import { PcapWriter } from '../capture/pcap-writer'
import { PcapngWriter } from '../capture/pcapng-writer'
import type { CaptureWriter } from '../capture/writer-options'
import { NicController } from '../controller/controller'
import type { ControllerDevice } from '../controller/device'
import type { SharedMemoryBlock } from '../miniport/adapter'
import { E1000Controller } from '../controller/e1000'
import { vaToPa } from '../kernel/physical'
import { T_RX_FRAMES } from '../controller/state'
import { CallSites } from '../verifier/call-site'
import { Kernel } from '../kernel/kernel'
import { HandlerWatch } from '../miniport/handler-watch'
import { MiniportLifecycle } from '../miniport/lifecycle'
import { indicateReceiveApi, ReceiveIndication } from '../miniport/indicate-receive'
import { InterruptDispatch } from '../miniport/interrupt-dispatch'
import { PacketReturn } from '../miniport/return-packet'
import { NdisRequests, requestApi } from '../miniport/request'
import { LookaheadIndication, lookaheadApi } from '../miniport/indicate-lookahead'
import { TrafficGenerator } from '../wire/traffic-generator'
import { MiniportRuntime } from '../miniport/runtime'
import { sendApi } from '../miniport/send-api'
import { Scheduler } from '../sim/scheduler'
import { SeededRandom } from '../sim/seeded-random'
import { EventLog } from '../trace/event-log'
import { installLowResources, parseLowResourcesSpec } from '../verifier/low-resources'
import { createWire } from '../wire/create-wire'
import { parseMac } from '../wire/ethernet'
import type { WireBackend } from '../wire/wire-backend'
import {
  CONTROLLER_EXTRA_SCHED_BASE,
  CONTROLLER_SCHED_BASE,
  SCHED_FAULT,
  MINIPORT_SCHED_BASE,
  PROTOCOL_SCHED_BASE,
} from './sched-kinds'
import { BoundProtocol } from '../protocol/bound-protocol'
import type { RunConfig } from './run-config'
import { WireTap } from './wire-tap'
import { buildScriptScope, traceApiCalls, type ScriptScope } from './script-scope'
import type { StopReason } from '../report/report'
import { stopForThrown, type RunStop } from './stop-cause'
import { TOP_LEVEL_CODE } from '../miniport/handler-watch'

export { isHostError, type RunStop } from './stop-cause'

export type RunPhase = 'created' | 'running' | 'ended'

const FAULT_LINK_DOWN = 0
const FAULT_LINK_UP = 1
const FAULT_RX_ERRORS = 2
const FAULT_DMA_STALL = 3
const FAULT_RESET = 4

export class Run {
  readonly scheduler = new Scheduler(1024)
  readonly sites: CallSites
  /** The driver's allocations by call site, when the config asks for them. */
  readonly allocationSites: AllocationSites | null = null
  readonly kernel: Kernel
  readonly controller: ControllerDevice
  readonly wire: WireBackend
  readonly tap: WireTap
  readonly log: EventLog
  readonly watch: HandlerWatch
  readonly random: SeededRandom
  readonly miniport: MiniportRuntime
  readonly lifecycle: MiniportLifecycle
  readonly interrupts: InterruptDispatch
  readonly indication: ReceiveIndication
  readonly protocol: BoundProtocol
  /** NDIS's request path: the OIDs the binding, its statistics polls and the scenario send the miniport. */
  readonly requests: NdisRequests
  /** The NDIS 3/4 receive path: NdisMEthIndicateReceive, MiniportTransferData. */
  readonly lookahead: LookaheadIndication
  readonly capture: CaptureWriter | null
  readonly debugOutput: { timeNs: number; text: string }[] = []
  readonly statusIndications: { timeNs: number; status: number }[] = []
  /** The script's scope: every NDIS name it can call, by C name. */
  readonly scope: ScriptScope
  phase: RunPhase = 'created'
  stop: RunStop | null = null
  /** Scenario faults by index (the fault event's argument). */
  private readonly faults: { kind: number; value: number }[] = []
  private readonly endNs: number
  private lastShared: SharedMemoryBlock | null = null

  constructor(readonly config: RunConfig) {
    this.sites = new CallSites(config.siteCell)
    for (const s of config.script.sites) this.sites.register(config.script.file, s.line, s.column)
    this.random = new SeededRandom(config.seed)
    this.kernel = new Kernel({
      clock: this.scheduler.clock,
      sites: this.sites,
      verifier: config.verifier,
      platform: config.scenario.platform,
      specialPool: config.scenario.specialPool,
      ...(config.scriptRealm ? { realm: config.scriptRealm } : {}),
    })
    if (config.lowResources) {
      const parsed = parseLowResourcesSpec(config.lowResources)
      if (!parsed.ok) throw new RangeError(parsed.error)
      installLowResources(
        this.kernel,
        parsed.specs,
        this.random.fork('low-resources').nextU32(),
        () => this.sites.location(this.sites.current).line,
      )
    }
    if (config.poolCap) {
      const ndis = ndisRuntime(this.kernel)
      ndis.packetPoolCap = config.poolCap.packet ?? 0
      ndis.bufferPoolCap = config.poolCap.buffer ?? 0
    }
    if (config.allocationSites) {
      this.allocationSites = new AllocationSites(this.sites)
      this.allocationSites.install(this.kernel)
    }
    const c = config.scenario.controller
    const common = {
      memory: this.kernel.memory,
      scheduler: this.scheduler,
      eventKindBase: CONTROLLER_SCHED_BASE,
      ...(c.permanentAddress ? { permanentAddress: Array.from(parseMac(c.permanentAddress)) } : {}),
      ...(c.rxFifoFrames !== undefined ? { rxFifoFrames: c.rxFifoFrames } : {}),
      ...(c.linkSpeedMbps !== undefined ? { linkSpeedMbps: c.linkSpeedMbps } : {}),
      cableConnected: c.cableConnected,
      dmaCheck: (va: number, length: number, write: number, pa: number) => this.kernel.checkDma(va, length, write, pa),
    }
    this.controller =
      c.model === '82540em'
        ? new E1000Controller({
            ...common,
            extraKindBase: CONTROLLER_EXTRA_SCHED_BASE,
            datasheet: (rule, p2, p3, p4, message) => this.kernel.verifier.report(rule, p2, p3, p4, message),
            isSharedMemory: (pa, length) => this.inSharedMemory(pa, length),
          })
        : new NicController(common)
    this.log = new EventLog(config.traceCapacity ?? 65536)
    this.watch = new HandlerWatch(config.watchCells, this.sites.cell)
    this.capture =
      config.capture === 'pcapng' ? new PcapngWriter() : config.capture === 'pcap' ? new PcapWriter() : null
    this.wire = createWire(config.scenario.wire, this.random, config.replay)
    this.tap = new WireTap(this.wire, this.scheduler, this.capture, () => this.controller.wireChanged())
    this.miniport = new MiniportRuntime(
      {
        kernel: this.kernel,
        scheduler: this.scheduler,
        controller: this.controller,
        log: this.log,
        watch: this.watch,
        registry: config.scenario.registry,
        debugOutput: this.debugOutput,
        statusIndications: this.statusIndications,
        endNs: config.durationNs,
      },
      MINIPORT_SCHED_BASE,
    )
    this.lifecycle = new MiniportLifecycle(this.miniport)
    // A frame's path through NDIS: the interrupt line into the ISR and DPC, the indication up to the protocol, the
    // return back to the miniport; the protocol's sends go down through NDIS's queue.
    this.interrupts = new InterruptDispatch(this.miniport)
    const returns = new PacketReturn(this.miniport)
    this.indication = new ReceiveIndication(this.miniport, returns)
    this.requests = new NdisRequests(this.miniport)
    this.lookahead = new LookaheadIndication(this.miniport)
    this.requests.onTimeout = () => this.lifecycle.resetForTimeout()
    this.protocol = new BoundProtocol(
      this.miniport,
      config.scenario.protocol,
      this.random,
      PROTOCOL_SCHED_BASE,
      { indication: this.indication, returns, requests: this.requests, lookahead: this.lookahead },
      this.controller.resources.permanentAddress,
    )
    this.lifecycle.onWakeUp = () => this.protocol.sender.queue.checkTimeouts()
    this.lifecycle.afterReset = (addressing) => {
      if (addressing) this.protocol.binding.restoreAddressing()
    }
    // The generator addresses its frames to the adapter: the permanent address, then the current address the
    // miniport reports (OID_802_3_CURRENT_ADDRESS), unless the scenario names a destination.
    const wire = this.wire
    if (
      wire instanceof TrafficGenerator &&
      config.scenario.wire.kind === 'generator' &&
      !config.scenario.wire.destination
    ) {
      wire.addressTo(this.controller.resources.permanentAddress)
      this.protocol.binding.onAddress = (address) => wire.addressTo(address)
    }
    this.scope = buildScriptScope(this.kernel, this.miniport, this.interrupts, {
      ...indicateReceiveApi(this.indication),
      ...sendApi(this.miniport, this.protocol.sender.queue),
      ...requestApi(this.miniport, this.requests),
      ...lookaheadApi(this.lookahead),
    })
    if (config.traceApiCalls) traceApiCalls(this.scope, this.log, this.sites, this.scheduler.clock)
    if (this.tap.annotator) {
      this.protocol.frameObserver = this.tap.annotator
      this.protocol.sender.observer = this.tap.annotator
    }
    this.endNs = config.durationNs
    this.scheduleFaults()
  }

  private scheduleFaults(): void {
    const s = this.scheduler
    const f = this.config.scenario.faults
    s.on(SCHED_FAULT, (index) => this.applyFault(index))
    const add = (atNs: number, kind: number, value: number) => {
      this.faults.push({ kind, value })
      s.schedule(atNs, SCHED_FAULT, this.faults.length - 1)
    }
    for (const flap of f.linkFlaps) {
      add(flap.at, FAULT_LINK_DOWN, 0)
      add(flap.at + flap.down, FAULT_LINK_UP, 0)
    }
    for (const e of f.receiveErrors) add(e.at, FAULT_RX_ERRORS, e.frames)
    for (const d of f.dmaStalls) add(d.at, FAULT_DMA_STALL, d.duration)
    for (const r of f.resets) add(r.at, FAULT_RESET, 0)
  }

  private applyFault(index: number): void {
    const fault = this.faults[index]!
    const control = this.controller.testControl
    if (fault.kind === FAULT_LINK_DOWN) control.setLink(false)
    else if (fault.kind === FAULT_LINK_UP) control.setLink(true)
    else if (fault.kind === FAULT_RX_ERRORS) control.forceReceiveErrors(fault.value)
    else if (fault.kind === FAULT_RESET) this.lifecycle.reset('the scenario forced a reset')
    else control.stallDma(fault.value)
  }

  /** Runs `fn`, turning what it throws into the run's stop (stop-cause.ts decides what it was). */
  private guarded(fn: () => void): boolean {
    try {
      fn()
      return true
    } catch (error) {
      this.stop = stopForThrown(error)
      this.phase = 'ended'
      return false
    }
  }

  /**
   * Evaluates the script's top-level code (`evaluate` loads it into its sandbox and returns its exports), watched
   * like a handler call; then DriverEntry and MiniportInitialize. False when the run already ended.
   */
  load(evaluate: () => Record<string, unknown>): boolean {
    if (this.phase !== 'created') return this.phase === 'running'
    let exports: Record<string, unknown> = {}
    const watch = this.watch
    const loaded = this.guarded(() => {
      watch.enter(watch.id(TOP_LEVEL_CODE))
      try {
        exports = evaluate()
      } finally {
        watch.leave()
      }
    })
    return loaded && this.start(exports)
  }

  /** DriverEntry and MiniportInitialize; then traffic starts. False when the run already ended. */
  start(exports: Record<string, unknown>): boolean {
    if (this.phase !== 'created') return this.phase === 'running'
    this.phase = 'running'
    const ok = this.guarded(() => {
      const result = this.lifecycle.start(exports['DriverEntry'])
      if (!result.ok) {
        this.stop = { reason: 'init-failed', bugCheck: null, error: null, startFailure: result.reason }
        this.phase = 'ended'
        return
      }
      this.protocol.bind()
      this.controller.attachWire(this.tap)
    })
    return ok && this.phase === 'running'
  }

  /** Whether [pa, pa + length) lies inside one block of shared memory the adapter holds (datasheet rule R80). */
  private inSharedMemory(pa: number, length: number): boolean {
    // Receive buffers are posted from one or two blocks: the last block found answers most checks without a walk.
    const last = this.lastShared
    if (last !== null && this.miniport.adapter.sharedMemory.get(last.va) === last) {
      const start = vaToPa(last.va)
      if (pa >= start && pa + length <= start + last.length) return true
    }
    for (const block of this.miniport.adapter.sharedMemory.values()) {
      const start = vaToPa(block.va)
      if (pa >= start && pa + length <= start + block.length) {
        this.lastShared = block
        return true
      }
    }
    return false
  }

  get receivedFrames(): number {
    return this.controller.totals[T_RX_FRAMES]!
  }

  /**
   * Dispatches at most `maxEvents` events due at or before `untilNs` (the pacer's limit in real time; the whole run
   * otherwise). Returns false once the run has ended: the duration or frame limit was reached, nothing is left to
   * happen, or the script stopped it.
   */
  advance(maxEvents: number, untilNs = Infinity): boolean {
    if (this.phase !== 'running') return false
    const s = this.scheduler
    const limited = this.config.maxFrames !== Infinity
    return (
      this.guarded(() => {
        let budget = maxEvents
        while (budget > 0) {
          if (limited && this.receivedFrames >= this.config.maxFrames) return this.end('frames')
          if (s.pending === 0) return this.end('halted')
          if (s.peekTimeNs > this.endNs) {
            s.runUntil(this.endNs, 1)
            return this.end('duration')
          }
          if (s.peekTimeNs > untilNs) {
            if (untilNs > s.nowNs) s.runUntil(untilNs, 1)
            return
          }
          const n = s.runUntil(Math.min(this.endNs, untilNs), limited ? 1 : budget)
          budget -= Math.max(n, 1)
        }
      }) && this.phase === 'running'
    )
  }

  private end(reason: StopReason): void {
    this.stop = { reason, bugCheck: null, error: null, startFailure: '' }
    this.phase = 'ended'
  }

  /** Writes every captured frame still waiting for its packet (call before reading the capture). */
  finishCapture(): void {
    this.tap.annotator?.flush(this.scheduler.nowNs, true)
  }

  /** Runs to the end in slices (a host can report progress between calls). */
  runToEnd(slice = 65536, between?: () => void): void {
    while (this.advance(slice)) between?.()
  }

  /**
   * After a normal end: the wire stops, the protocol gives back what it holds, MiniportHalt runs, and the leak scans
   * report what was left (R6, R7, R20, R23–R26). After a bug check or exception the system is down: no halt.
   */
  shutDown(): void {
    if (!this.stop || this.stop.reason === 'bugcheck' || this.stop.reason === 'exception') return
    if (this.stop.reason === 'internal-error') return
    if (this.stop.reason === 'init-failed') {
      this.guarded(() => {
        this.protocol.release()
        this.lifecycle.unload()
        this.kernel.finish()
      })
      return
    }
    this.guarded(() => {
      // Protocols unbind first: they give back every packet they hold (ndis5.md §3.7), then NDIS halts the miniport.
      this.tap.open = false
      this.protocol.flushReturns()
      this.requests.atHalt()
      this.lifecycle.halt()
      this.protocol.afterHalt()
      // After the last adapter halted NDIS unloads the driver; leaks are judged after its unload handler.
      this.lifecycle.unload()
      this.kernel.finish()
    })
  }
}
