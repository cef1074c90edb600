// What the bound protocol saw, as plain numbers (cli.md report "protocol"; Pools/Packets views).
import type { FrameChecker } from '../wire/frame-checker'

export interface ProtocolSnapshot {
  /** Packets handed to ProtocolReceivePacket (every packet of every indication that named a live packet). */
  indicated: number
  /** Packets the protocol kept and gave back through MiniportReturnPacket. */
  returned: number
  /** Packets indicated with Status RESOURCES (or after one in the same array), copied at once (ndis5.md §3.3). */
  copiedOnResources: number
  /** Packets indicated with Status SUCCESS that the protocol chose to copy instead of keep. */
  copied: number
  /** Packets the protocol holds now (indicated, pended, not yet returned). */
  outstanding: number
  /** Most packets held at once. */
  outstandingHighWater: number
  corrupted: number
  lost: number
  duplicated: number
  reordered: number
  /** Frames that are not the generator's test frames of the checked stream (pcap replay, other traffic). */
  unchecked: number
  /** Frames longer than the protocol's receive buffer (checked on the part that fits). */
  truncated: number
  /** Packets outside the binding's packet filter and addresses, dropped by NDIS before the protocol (ndis/efilter.c). */
  filtered: number
  /** Frames indicated through NdisMEthIndicateReceive (the NDIS 3/4 path), and their NdisMEthIndicateReceiveComplete calls. */
  lookaheadIndicated: number
  receiveCompletes: number
  /** NdisTransferData for the rest of a frame: completed, failed, or not made (all transfer packets lent). */
  transferred: number
  transferFailed: number
  transferSkipped: number
  /** Packets indicated with HeaderSize 0 (NDIS_SET_PACKET_HEADER_SIZE not called). */
  noHeaderSize: number
  /** HeaderSize of the last packet indicated. */
  lastHeaderSize: number
  /** Bytes received in indicated frames. */
  bytes: number
  /** Packets handed to MiniportSendPackets / MiniportSend (resubmissions not counted again). */
  sent: number
  /** Sends completed with SUCCESS (by Status after the call, or NdisMSendComplete). */
  sendCompleted: number
  /** Sends completed with a failure status. */
  sendFailed: number
  /** Sends given back with Status RESOURCES and queued for resubmission. */
  resourcesRequeued: number
  /** Frames the protocol could not send because all of its send packets were outstanding. */
  sendSkipped: number
  /** Sends the miniport owns now (pended or inside the call), and those queued by NDIS. */
  sendOutstanding: number
  sendQueued: number
}

export class ProtocolStatistics {
  indicated = 0
  returned = 0
  copiedOnResources = 0
  copied = 0
  outstanding = 0
  outstandingHighWater = 0
  unchecked = 0
  truncated = 0
  noHeaderSize = 0
  filtered = 0
  /** Of `filtered`, the packets of NdisMIndicateReceivePacket (the rest came through NdisMEthIndicateReceive). */
  filteredPackets = 0
  lookaheadIndicated = 0
  receiveCompletes = 0
  transferred = 0
  transferFailed = 0
  transferSkipped = 0
  lastHeaderSize = 0
  bytes = 0
  sent = 0
  sendCompleted = 0
  sendFailed = 0
  resourcesRequeued = 0
  sendSkipped = 0
  sendOutstanding = 0
  sendQueued = 0

  constructor(readonly checker: FrameChecker) {}

  get corrupted(): number {
    return this.checker.corrupted
  }
  get lost(): number {
    return this.checker.lost
  }
  get duplicated(): number {
    return this.checker.duplicated
  }
  get reordered(): number {
    return this.checker.reordered
  }

  snapshot(): ProtocolSnapshot {
    return {
      indicated: this.indicated,
      returned: this.returned,
      copiedOnResources: this.copiedOnResources,
      copied: this.copied,
      outstanding: this.outstanding,
      outstandingHighWater: this.outstandingHighWater,
      corrupted: this.corrupted,
      lost: this.lost,
      duplicated: this.duplicated,
      reordered: this.reordered,
      unchecked: this.unchecked,
      truncated: this.truncated,
      noHeaderSize: this.noHeaderSize,
      filtered: this.filtered,
      lookaheadIndicated: this.lookaheadIndicated,
      receiveCompletes: this.receiveCompletes,
      transferred: this.transferred,
      transferFailed: this.transferFailed,
      transferSkipped: this.transferSkipped,
      lastHeaderSize: this.lastHeaderSize,
      bytes: this.bytes,
      sent: this.sent,
      sendCompleted: this.sendCompleted,
      sendFailed: this.sendFailed,
      resourcesRequeued: this.resourcesRequeued,
      sendSkipped: this.sendSkipped,
      sendOutstanding: this.sendOutstanding,
      sendQueued: this.sendQueued,
    }
  }
}
