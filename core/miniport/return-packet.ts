// A packet the protocol kept comes back (ndis5.md §1.7 MiniportReturnPacket, §3.5): once the protocol has made every
// NdisReturnPackets call it promised, NDIS gives the packet back to the miniport at DISPATCH_LEVEL, from its own
// context (no script line is making this call).
import { DISPATCH_LEVEL } from '../kernel/irql'
import { ndisRuntime } from '../ndis/instance'
import { type NdisRuntime } from '../ndis/runtime'
import { markReturned } from '../ndis/ownership'
import { TRACE_RETURN } from '../trace/event-log'
import type { MiniportRuntime } from './runtime'

export class PacketReturn {
  private readonly rt: NdisRuntime
  private readonly name: number

  constructor(private readonly m: MiniportRuntime) {
    this.rt = ndisRuntime(m.kernel)
    this.name = m.env.log.intern('MiniportReturnPacket')
  }

  /** NdisReturnPackets for one packet: ownership goes back to the miniport, then MiniportReturnPacket runs. */
  returnPacket(packet: number): void {
    const m = this.m
    m.kernel.sites.cell[0] = 0
    markReturned(this.rt, packet)
    m.env.log.add(m.env.scheduler.nowNs, TRACE_RETURN, this.name, packet, 0)
    const a = m.adapter
    const handler = a.handlers?.ReturnPacketHandler
    if (typeof handler === 'function') m.call('MiniportReturnPacket', DISPATCH_LEVEL, handler, a.context, packet)
  }

  /** Ownership back without a MiniportReturnPacket call (the system is going down: after MiniportHalt). */
  reclaim(packet: number): void {
    markReturned(this.rt, packet)
  }
}
