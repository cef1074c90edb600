// WB-100 reference miniport for NIC Workbench.
//
// A serialized NDIS 5.1 bus-master miniport for the emulated WB-100 controller (docs/controller.md), written the way a
// DDK sample is: receive buffers posted to a descriptor ring, packets from a pool sized from the registry, buffers
// chained to packets, indications in batches, RESOURCES when running low so the protocol copies, packets recycled in
// MiniportReturnPacket with NdisReinitializePacket after their chain is saved, sends through MiniportSendPackets with
// completion from the transmit ring, and everything released in MiniportHalt.
//
// It answers the OIDs NDIS and the bound protocol ask (docs/ndis-environment.md "Binding"): the general and 802.3
// queries, the statistics, and sets of the lookahead, the multicast list and the packet filter, which it programs
// and keeps (the WB-100 has no address filter of its own: it receives every frame, and NDIS's filter decides what the
// protocol gets). NetworkAddress, when configured, becomes the current address (NdisReadNetworkAddress).
//
// With ReceiveIndication = 1 it receives the NDIS 3/4 way most Windows CE NIC drivers do: NdisMEthIndicateReceive
// with the header and OID_GEN_CURRENT_LOOKAHEAD bytes from the receive buffer in its ring slot, MiniportTransferData
// copying the rest when the protocol asks, NdisMEthIndicateReceiveComplete after the batch.
//
// Registry values it reads (the scenario's "registry"): ReceiveRingSize, ReceiveBuffers, MaxReceivePackets,
// InterruptThrottleUs, NetworkAddress, ReceiveIndication (0 packets, 1 lookahead).

// ---- WB-100 registers and bits (docs/controller.md §3, §4, §5) ----
const CTRL = 0x00
const STATUS = 0x04
const ICR = 0x08
const IMS = 0x10
const IMC = 0x14
const ITR = 0x18
const RCTL = 0x20
const RDBA = 0x24
const RDLEN = 0x28
const RDH = 0x2c
const RDT = 0x30
const RDMT = 0x34
const TCTL = 0x40
const TDBA = 0x44
const TDLEN = 0x48
const TDH = 0x4c
const TDT = 0x50
const RAL = 0x58
const RAH = 0x5c
const MPC = 0x88
const RNBC = 0x8c

const CTRL_RST = 0x1
const STATUS_LU = 0x1
const RCTL_EN = 0x2
const RCTL_BSIZE_2048 = 0x0
const TCTL_EN = 0x2

const ICR_TXDW = 0x001
const ICR_LSC = 0x004
const ICR_RXDMT0 = 0x010
const ICR_RXO = 0x040
const ICR_RXT0 = 0x080
const ICR_DMAE = 0x200
const INTERRUPTS = ICR_TXDW | ICR_LSC | ICR_RXDMT0 | ICR_RXO | ICR_RXT0 | ICR_DMAE

// Descriptors are 16 bytes (§4.1, §4.2).
const DESC_SIZE = 16
const DESC_ADDR = 0
const DESC_LENGTH = 8
const DESC_CMD = 11
const DESC_STATUS = 12
const DESC_ERRORS = 13
const RXD_DD = 0x1
const RXD_EOP = 0x2
const RXE_CE = 0x01
const RXE_RXE = 0x80
const TXD_CMD_EOP = 0x1
const TXD_CMD_RS = 0x8
const TXD_DD = 0x1
const TXD_ERR = 0x2

const RX_BUFFER_SIZE = 2048
const TX_RING_SIZE = 64
const TX_BUFFER_SIZE = 2048
const ETHERNET_HEADER_SIZE = 14
const INDICATE_BATCH = 16
const MAX_FRAME_BUFFERS = 8

// ---- The adapter (the MiniportAdapterContext) ----
interface ADAPTER {
  MiniportAdapterHandle: NDIS_HANDLE
  Registers: PVOID
  RegistersLength: number
  Interrupt: NDIS_MINIPORT_INTERRUPT
  InterruptRegistered: boolean
  PendingCauses: number
  MediaConnected: boolean
  StationAddress: number[]
  PermanentAddress: number[]
  PacketFilter: number
  Lookahead: number
  MulticastList: number[][]

  // Receive ring: descriptors in shared memory, each slot holding one receive buffer (an index into RxBuffer*).
  RxRingSize: number
  RxRingVa: PVOID
  RxRingPa: NDIS_PHYSICAL_ADDRESS
  RxSlotBuffer: number[]
  RxClean: number // next descriptor to examine
  RxTail: number // the RDT value: the device owns [RDH, RDT)
  RxLowWater: number

  // Receive buffers: more than ring slots, so that buffers lent to the protocol do not starve the ring.
  RxBufferCount: number
  RxBufferMemoryVa: PVOID
  RxBufferMemoryPa: NDIS_PHYSICAL_ADDRESS
  RxNdisBuffer: PNDIS_BUFFER[]
  RxFreeBuffers: number[]

  // Packets: all allocated at initialisation and recycled, never freed while running.
  PacketPool: NDIS_HANDLE
  BufferPool: NDIS_HANDLE
  RxPacketCount: number
  RxFreePackets: PNDIS_PACKET[]

  // Transmit ring with one bounce buffer per slot.
  TxRingVa: PVOID
  TxRingPa: NDIS_PHYSICAL_ADDRESS
  TxBufferVa: PVOID
  TxBufferPa: NDIS_PHYSICAL_ADDRESS
  TxPacket: PNDIS_PACKET[]
  TxNext: number
  TxClean: number
  TxInUse: number

  // Statistics kept by the driver (OID_GEN_*).
  RxGood: number
  RxDropped: number
  RxIndicatedWithResources: number
  UseLookahead: boolean
  TxGood: number
  TxErrors: number
  MissedFrames: number
  NoBufferFrames: number
}

// Out cells reused by every call: the hot path creates no garbage.
const StatusCell: Out<NDIS_STATUS> = { value: NDIS_STATUS_SUCCESS }
const PacketCell: Out<PNDIS_PACKET> = { value: NULL }
const BufferCell: Out<PNDIS_BUFFER> = { value: NULL }
const UlongCell: Out<ULONG> = { value: 0 }
const VaCell: Out<PVOID> = { value: NULL }
const PaCell: Out<NDIS_PHYSICAL_ADDRESS> = { value: 0 }
const LengthCell: Out<UINT> = { value: 0 }
const IndicateBatch: PNDIS_PACKET[] = []

function ReadReg(A: ADAPTER, Offset: number): number {
  NdisReadRegisterUlong(A.Registers + Offset, UlongCell)
  return UlongCell.value
}

function WriteReg(A: ADAPTER, Offset: number, Value: number): void {
  NdisWriteRegisterUlong(A.Registers + Offset, Value)
}

function ReadRegistryInteger(Config: NDIS_HANDLE, Keyword: string, Default: number, Min: number, Max: number): number {
  const Value: Out<NDIS_CONFIGURATION_PARAMETER | null> = { value: null }
  NdisReadConfiguration(StatusCell, Value, Config, NDIS_STRING_CONST(Keyword), NdisParameterInteger)
  if (StatusCell.value !== NDIS_STATUS_SUCCESS || Value.value === null) return Default
  const n = Value.value.ParameterData.IntegerData
  return n < Min ? Min : n > Max ? Max : n
}

// ---- Receive ----

/** Gives slot i a free receive buffer and clears its status; false when no buffer is free. */
function ArmRxSlot(A: ADAPTER, Slot: number): boolean {
  if (A.RxSlotBuffer[Slot] < 0) {
    const b = A.RxFreeBuffers.pop()
    if (b === undefined) return false
    A.RxSlotBuffer[Slot] = b
  }
  const Desc = A.RxRingVa + Slot * DESC_SIZE
  MmWrite32(Desc + DESC_ADDR, A.RxBufferMemoryPa + A.RxSlotBuffer[Slot] * RX_BUFFER_SIZE)
  MmWrite32(Desc + DESC_ADDR + 4, 0)
  MmWrite32(Desc + DESC_LENGTH, 0)
  MmWrite32(Desc + DESC_STATUS, 0)
  return true
}

/** Posts every armed slot from RDT up to the one before RxClean (docs/controller.md §4.3: keep one spare). */
function RefillRxRing(A: ADAPTER): void {
  const n = A.RxRingSize
  const OldTail = A.RxTail
  while ((A.RxTail + 1) % n !== A.RxClean) {
    if (!ArmRxSlot(A, A.RxTail)) break
    A.RxTail = (A.RxTail + 1) % n
  }
  if (A.RxTail !== OldTail) WriteReg(A, RDT, A.RxTail)
}

/** Takes a packet's buffers back (its chain is saved before NdisReinitializePacket) and recycles the packet. */
function ReclaimRxPacket(A: ADAPTER, Packet: PNDIS_PACKET): void {
  for (;;) {
    NdisUnchainBufferAtFront(Packet, BufferCell)
    const Buffer = BufferCell.value
    if (Buffer === NULL) break
    NdisAdjustBufferLength(Buffer, RX_BUFFER_SIZE)
    A.RxFreeBuffers.push((NdisBufferVirtualAddress(Buffer) - A.RxBufferMemoryVa) / RX_BUFFER_SIZE)
  }
  NdisReinitializePacket(Packet)
  A.RxFreePackets.push(Packet)
}

/** Builds a packet for the frame in slots First..First+Count-1; NULL when no packet is free. */
function BuildRxPacket(A: ADAPTER, First: number, Count: number, LastLength: number): PNDIS_PACKET {
  const Packet = A.RxFreePackets.pop()
  if (Packet === undefined) return NULL
  for (let i = 0; i < Count; i++) {
    const Slot = (First + i) % A.RxRingSize
    const b = A.RxSlotBuffer[Slot]
    const Buffer = A.RxNdisBuffer[b]
    NdisAdjustBufferLength(Buffer, i === Count - 1 ? LastLength : RX_BUFFER_SIZE)
    NdisChainBufferAtBack(Packet, Buffer)
    A.RxSlotBuffer[Slot] = -1
  }
  // Record the frame's buffers count for MiniportReturnPacket's sanity checks.
  MmWrite32(MINIPORT_RESERVED(Packet), Count)
  NDIS_SET_PACKET_HEADER_SIZE(Packet, ETHERNET_HEADER_SIZE)
  // Running low: let the protocol copy now so that the buffers come straight back (ndis5.md §3.3).
  const Low = A.RxFreeBuffers.length < A.RxLowWater || A.RxFreePackets.length < INDICATE_BATCH
  NDIS_SET_PACKET_STATUS(Packet, Low ? NDIS_STATUS_RESOURCES : NDIS_STATUS_SUCCESS)
  if (Low) A.RxIndicatedWithResources++
  return Packet
}

function IndicateBatch_(A: ADAPTER, Count: number): void {
  if (Count === 0) return
  NdisMIndicateReceivePacket(A.MiniportAdapterHandle, IndicateBatch, Count)
  // On return: PENDING packets stay with the protocol until MiniportReturnPacket; the others are ours again.
  for (let i = 0; i < Count; i++) {
    const Packet = IndicateBatch[i]
    if (NDIS_GET_PACKET_STATUS(Packet) !== NDIS_STATUS_PENDING) ReclaimRxPacket(A, Packet)
  }
}

/** Services the receive ring: every completed frame, indicated in batches (docs/controller.md §6). */
function ProcessReceive(A: ADAPTER): void {
  const n = A.RxRingSize
  let Batched = 0
  for (;;) {
    // A frame is the descriptors from RxClean up to the first with EOP, all with DD.
    let Count = 0
    let Eop = false
    let LastLength = 0
    let Errors = 0
    while (Count < MAX_FRAME_BUFFERS && Count < n - 1) {
      const Desc = A.RxRingVa + ((A.RxClean + Count) % n) * DESC_SIZE
      const Status = MmRead8(Desc + DESC_STATUS)
      if ((Status & RXD_DD) === 0) break
      Count++
      if ((Status & RXD_EOP) !== 0) {
        Eop = true
        LastLength = MmRead16(Desc + DESC_LENGTH)
        Errors = MmRead8(Desc + DESC_ERRORS)
        break
      }
    }
    if (!Eop) break
    const First = A.RxClean
    A.RxClean = (A.RxClean + Count) % n
    if ((Errors & (RXE_CE | RXE_RXE)) !== 0 || (A.UseLookahead && Count > 1)) {
      // A bad frame: its buffers stay in their slots and are posted again.
      A.RxDropped++
      continue
    }
    if (A.UseLookahead) {
      // NDIS 3/4: header and lookahead straight from the ring slot's buffer, which stays in the slot.
      const Frame = A.RxBufferMemoryVa + A.RxSlotBuffer[First] * RX_BUFFER_SIZE
      const Data = LastLength - ETHERNET_HEADER_SIZE
      const Lookahead = Data < A.Lookahead ? Data : A.Lookahead
      NdisMEthIndicateReceive(
        A.MiniportAdapterHandle,
        Frame,
        Frame,
        ETHERNET_HEADER_SIZE,
        Frame + ETHERNET_HEADER_SIZE,
        Lookahead,
        Data,
      )
      A.RxGood++
      Batched++
      continue
    }
    const Packet = BuildRxPacket(A, First, Count, LastLength)
    if (Packet === NULL) {
      A.RxDropped++
      continue
    }
    A.RxGood++
    IndicateBatch[Batched++] = Packet
    if (Batched === INDICATE_BATCH) {
      IndicateBatch_(A, Batched)
      Batched = 0
    }
  }
  if (A.UseLookahead) {
    if (Batched > 0) NdisMEthIndicateReceiveComplete(A.MiniportAdapterHandle)
  } else IndicateBatch_(A, Batched)
  RefillRxRing(A)
}

/**
 * The protocol wants more than the lookahead (during NdisMEthIndicateReceive only): copy BytesToTransfer bytes of the
 * frame, from ByteOffset after the header, into the protocol's packet. The receive context is the frame's buffer.
 */
function MiniportTransferData(
  Packet: PNDIS_PACKET,
  BytesTransferred: Out<UINT>,
  A: ADAPTER,
  MiniportReceiveContext: PVOID,
  ByteOffset: UINT,
  BytesToTransfer: UINT,
): NDIS_STATUS {
  const Source = MiniportReceiveContext + ETHERNET_HEADER_SIZE + ByteOffset
  let Done = 0
  NdisQueryPacket(Packet, null, null, BufferCell, null)
  let Buffer = BufferCell.value
  while (Buffer !== NULL && Done < BytesToTransfer) {
    // Safe: the protocol's buffer may need a system mapping, which can fail when memory is short (R34).
    NdisQueryBufferSafe(Buffer, VaCell, LengthCell, NormalPagePriority)
    if (VaCell.value === NULL) return NDIS_STATUS_FAILURE
    const Part = LengthCell.value < BytesToTransfer - Done ? LengthCell.value : BytesToTransfer - Done
    NdisMoveMemory(VaCell.value, Source + Done, Part)
    Done += Part
    NdisGetNextBuffer(Buffer, BufferCell)
    Buffer = BufferCell.value
  }
  BytesTransferred.value = Done
  return NDIS_STATUS_SUCCESS
}

// ---- Transmit ----

/** Completes every sent frame the device wrote back (docs/controller.md §7.2). */
function ProcessTransmit(A: ADAPTER): void {
  while (A.TxInUse > 0) {
    const Desc = A.TxRingVa + A.TxClean * DESC_SIZE
    const Status = MmRead8(Desc + DESC_STATUS)
    if ((Status & TXD_DD) === 0) break
    const Packet = A.TxPacket[A.TxClean]
    A.TxPacket[A.TxClean] = NULL
    A.TxClean = (A.TxClean + 1) % TX_RING_SIZE
    A.TxInUse--
    if ((Status & TXD_ERR) !== 0) A.TxErrors++
    else A.TxGood++
    NdisMSendComplete(
      A.MiniportAdapterHandle,
      Packet,
      (Status & TXD_ERR) !== 0 ? NDIS_STATUS_FAILURE : NDIS_STATUS_SUCCESS,
    )
  }
}

function MiniportSendPackets(A: ADAPTER, PacketArray: PNDIS_PACKET[], NumberOfPackets: number): void {
  let Posted = 0
  for (let i = 0; i < NumberOfPackets; i++) {
    const Packet = PacketArray[i]
    if (A.TxInUse === TX_RING_SIZE - 1) {
      // Ring full: NDIS queues the packet and sends it again after a completion.
      NDIS_SET_PACKET_STATUS(Packet, NDIS_STATUS_RESOURCES)
      continue
    }
    // Copy the chain into this slot's bounce buffer (one descriptor per frame).
    const Slot = A.TxNext
    const Bounce = A.TxBufferVa + Slot * TX_BUFFER_SIZE
    let Length = 0
    NdisQueryPacket(Packet, null, null, BufferCell, LengthCell)
    if (LengthCell.value > TX_BUFFER_SIZE || LengthCell.value < ETHERNET_HEADER_SIZE) {
      NDIS_SET_PACKET_STATUS(Packet, NDIS_STATUS_FAILURE)
      A.TxErrors++
      continue
    }
    let Buffer = BufferCell.value
    let Mapped = true
    while (Buffer !== NULL) {
      // Safe: the protocol's buffers may need a system mapping, which can fail when memory is short (R34).
      NdisQueryBufferSafe(Buffer, VaCell, LengthCell, NormalPagePriority)
      if (VaCell.value === NULL) {
        Mapped = false
        break
      }
      NdisMoveMemory(Bounce + Length, VaCell.value, LengthCell.value)
      Length += LengthCell.value
      NdisGetNextBuffer(Buffer, BufferCell)
      Buffer = BufferCell.value
    }
    if (!Mapped) {
      NDIS_SET_PACKET_STATUS(Packet, NDIS_STATUS_FAILURE)
      A.TxErrors++
      continue
    }
    const Desc = A.TxRingVa + Slot * DESC_SIZE
    MmWrite32(Desc + DESC_ADDR, A.TxBufferPa + Slot * TX_BUFFER_SIZE)
    MmWrite32(Desc + DESC_ADDR + 4, 0)
    MmWrite16(Desc + DESC_LENGTH, Length)
    MmWrite8(Desc + DESC_CMD, TXD_CMD_EOP | TXD_CMD_RS)
    MmWrite8(Desc + DESC_STATUS, 0)
    A.TxPacket[Slot] = Packet
    A.TxNext = (Slot + 1) % TX_RING_SIZE
    A.TxInUse++
    NDIS_SET_PACKET_STATUS(Packet, NDIS_STATUS_PENDING)
    Posted++
  }
  if (Posted > 0) WriteReg(A, TDT, A.TxNext)
}

// ---- Interrupts ----

function MiniportISR(InterruptRecognized: Out<boolean>, QueueMiniportHandleInterrupt: Out<boolean>, A: ADAPTER): void {
  // Reading ICR returns and clears the causes and drops the line (docs/controller.md §5.2).
  const Causes = ReadReg(A, ICR)
  if (Causes === 0) {
    InterruptRecognized.value = false
    QueueMiniportHandleInterrupt.value = false
    return
  }
  A.PendingCauses |= Causes
  InterruptRecognized.value = true
  QueueMiniportHandleInterrupt.value = true
}

/** Runs at DIRQL under the interrupt lock: takes the causes the ISR saved. */
function TakePendingCauses(A: ADAPTER): boolean {
  UlongCell.value = A.PendingCauses
  A.PendingCauses = 0
  return true
}

function MiniportHandleInterrupt(A: ADAPTER): void {
  NdisMSynchronizeWithInterrupt(A.Interrupt, TakePendingCauses, A)
  const Causes = UlongCell.value
  if ((Causes & (ICR_RXT0 | ICR_RXDMT0 | ICR_RXO | ICR_DMAE)) !== 0) ProcessReceive(A)
  if ((Causes & (ICR_TXDW | ICR_DMAE)) !== 0) ProcessTransmit(A)
  if ((Causes & ICR_LSC) !== 0) {
    const Connected = (ReadReg(A, STATUS) & STATUS_LU) !== 0
    if (Connected !== A.MediaConnected) {
      A.MediaConnected = Connected
      NdisMIndicateStatus(
        A.MiniportAdapterHandle,
        Connected ? NDIS_STATUS_MEDIA_CONNECT : NDIS_STATUS_MEDIA_DISCONNECT,
        NULL,
        0,
      )
      NdisMIndicateStatusComplete(A.MiniportAdapterHandle)
    }
  }
}

// ---- Returns, hang check ----

function MiniportReturnPacket(A: ADAPTER, Packet: PNDIS_PACKET): void {
  // The protocol is done with the packet: save its chain, reinitialise it, and post its buffers again.
  ReclaimRxPacket(A, Packet)
  RefillRxRing(A)
}

function MiniportCheckForHang(A: ADAPTER): boolean {
  // Statistics registers clear on read: accumulate them (docs/controller.md §3.17).
  A.MissedFrames += ReadReg(A, MPC)
  A.NoBufferFrames += ReadReg(A, RNBC)
  return false
}

/**
 * NDIS resets the adapter after CheckForHang said hung, a request timed out or the scenario asks
 * (docs/ndis-environment.md): the rings, the packets lent to the protocol and the addresses survive, so nothing is
 * torn down; the driver only reads the clear-on-read counters so none is lost, and keeps its addressing.
 */
function MiniportReset(AddressingReset: Out<boolean>, A: ADAPTER): NDIS_STATUS {
  MiniportCheckForHang(A)
  AddressingReset.value = false
  return NDIS_STATUS_SUCCESS
}

// ---- Requests (OIDs): what NDIS and the protocol ask (docs/ndis-environment.md "Binding") ----

const MAX_MULTICAST = 32
const MAX_LOOKAHEAD = RX_BUFFER_SIZE - ETHERNET_HEADER_SIZE
const SUPPORTED_OIDS: NDIS_OID[] = [
  OID_GEN_SUPPORTED_LIST,
  OID_GEN_HARDWARE_STATUS,
  OID_GEN_MEDIA_SUPPORTED,
  OID_GEN_MEDIA_IN_USE,
  OID_GEN_MAXIMUM_LOOKAHEAD,
  OID_GEN_MAXIMUM_FRAME_SIZE,
  OID_GEN_LINK_SPEED,
  OID_GEN_TRANSMIT_BUFFER_SPACE,
  OID_GEN_RECEIVE_BUFFER_SPACE,
  OID_GEN_TRANSMIT_BLOCK_SIZE,
  OID_GEN_RECEIVE_BLOCK_SIZE,
  OID_GEN_VENDOR_ID,
  OID_GEN_VENDOR_DESCRIPTION,
  OID_GEN_CURRENT_PACKET_FILTER,
  OID_GEN_CURRENT_LOOKAHEAD,
  OID_GEN_DRIVER_VERSION,
  OID_GEN_MAXIMUM_TOTAL_SIZE,
  OID_GEN_MAC_OPTIONS,
  OID_GEN_MEDIA_CONNECT_STATUS,
  OID_GEN_MAXIMUM_SEND_PACKETS,
  OID_GEN_XMIT_OK,
  OID_GEN_RCV_OK,
  OID_GEN_XMIT_ERROR,
  OID_GEN_RCV_ERROR,
  OID_GEN_RCV_NO_BUFFER,
  OID_802_3_PERMANENT_ADDRESS,
  OID_802_3_CURRENT_ADDRESS,
  OID_802_3_MULTICAST_LIST,
  OID_802_3_MAXIMUM_LIST_SIZE,
]
const SUPPORTED_FILTERS =
  NDIS_PACKET_TYPE_DIRECTED |
  NDIS_PACKET_TYPE_MULTICAST |
  NDIS_PACKET_TYPE_ALL_MULTICAST |
  NDIS_PACKET_TYPE_BROADCAST |
  NDIS_PACKET_TYPE_PROMISCUOUS
const VENDOR_DESCRIPTION = 'WB-100 reference miniport'

/** Writes Length bytes of an answer: ULONGs, or bytes. Returns the length. */
function WriteUlong(Va: PVOID, Value: number): number {
  MmWrite32(Va, Value >>> 0)
  return 4
}

function WriteBytes(Va: PVOID, Bytes: number[]): number {
  for (let i = 0; i < Bytes.length; i++) MmWrite8(Va + i, Bytes[i])
  return Bytes.length
}

/** Bytes an OID's answer takes (0: not supported). */
function QueryLength(Oid: NDIS_OID): number {
  if (Oid === OID_GEN_SUPPORTED_LIST) return SUPPORTED_OIDS.length * 4
  if (Oid === OID_GEN_VENDOR_DESCRIPTION) return VENDOR_DESCRIPTION.length + 1
  if (Oid === OID_802_3_PERMANENT_ADDRESS || Oid === OID_802_3_CURRENT_ADDRESS) return 6
  if (Oid === OID_802_3_MULTICAST_LIST) return 0
  if (Oid === OID_GEN_DRIVER_VERSION) return 2
  return SUPPORTED_OIDS.indexOf(Oid) >= 0 ? 4 : -1
}

function MiniportQueryInformation(
  A: ADAPTER,
  Oid: NDIS_OID,
  InformationBuffer: PVOID,
  InformationBufferLength: number,
  BytesWritten: Out<number>,
  BytesNeeded: Out<number>,
): NDIS_STATUS {
  BytesWritten.value = 0
  BytesNeeded.value = 0
  const Needed = Oid === OID_802_3_MULTICAST_LIST ? A.MulticastList.length * 6 : QueryLength(Oid)
  if (Needed < 0) return NDIS_STATUS_NOT_SUPPORTED
  if (InformationBufferLength < Needed) {
    BytesNeeded.value = Needed
    return NDIS_STATUS_INVALID_LENGTH
  }
  const Va = InformationBuffer
  let Written = 0
  switch (Oid) {
    case OID_GEN_SUPPORTED_LIST:
      for (let i = 0; i < SUPPORTED_OIDS.length; i++) MmWrite32(Va + i * 4, SUPPORTED_OIDS[i])
      Written = SUPPORTED_OIDS.length * 4
      break
    case OID_GEN_HARDWARE_STATUS:
      Written = WriteUlong(Va, NdisHardwareStatusReady)
      break
    case OID_GEN_MEDIA_SUPPORTED:
    case OID_GEN_MEDIA_IN_USE:
      Written = WriteUlong(Va, NdisMedium802_3)
      break
    case OID_GEN_MAXIMUM_LOOKAHEAD:
      Written = WriteUlong(Va, MAX_LOOKAHEAD)
      break
    case OID_GEN_CURRENT_LOOKAHEAD:
      Written = WriteUlong(Va, A.Lookahead)
      break
    case OID_GEN_MAXIMUM_FRAME_SIZE:
      Written = WriteUlong(Va, 1500)
      break
    case OID_GEN_MAXIMUM_TOTAL_SIZE:
    case OID_GEN_TRANSMIT_BLOCK_SIZE:
    case OID_GEN_RECEIVE_BLOCK_SIZE:
      Written = WriteUlong(Va, 1514)
      break
    case OID_GEN_LINK_SPEED: {
      // In 100 bps units; STATUS.SPEED (docs/controller.md §3.2) is not needed for the WB-100's default gigabit.
      Written = WriteUlong(Va, 10_000_000)
      break
    }
    case OID_GEN_TRANSMIT_BUFFER_SPACE:
      Written = WriteUlong(Va, TX_RING_SIZE * TX_BUFFER_SIZE)
      break
    case OID_GEN_RECEIVE_BUFFER_SPACE:
      Written = WriteUlong(Va, A.RxBufferCount * RX_BUFFER_SIZE)
      break
    case OID_GEN_VENDOR_ID:
      Written = WriteUlong(Va, (A.PermanentAddress[0] << 16) | (A.PermanentAddress[1] << 8) | A.PermanentAddress[2])
      break
    case OID_GEN_VENDOR_DESCRIPTION:
      for (let i = 0; i < VENDOR_DESCRIPTION.length; i++) MmWrite8(Va + i, VENDOR_DESCRIPTION.charCodeAt(i))
      MmWrite8(Va + VENDOR_DESCRIPTION.length, 0)
      Written = VENDOR_DESCRIPTION.length + 1
      break
    case OID_GEN_DRIVER_VERSION:
      MmWrite16(Va, 0x0501)
      Written = 2
      break
    case OID_GEN_CURRENT_PACKET_FILTER:
      Written = WriteUlong(Va, A.PacketFilter)
      break
    case OID_GEN_MAC_OPTIONS:
      Written = WriteUlong(
        Va,
        NDIS_MAC_OPTION_COPY_LOOKAHEAD_DATA | NDIS_MAC_OPTION_TRANSFERS_NOT_PEND | NDIS_MAC_OPTION_NO_LOOPBACK,
      )
      break
    case OID_GEN_MEDIA_CONNECT_STATUS:
      Written = WriteUlong(Va, A.MediaConnected ? NdisMediaStateConnected : NdisMediaStateDisconnected)
      break
    case OID_GEN_MAXIMUM_SEND_PACKETS:
      Written = WriteUlong(Va, TX_RING_SIZE - 1)
      break
    case OID_GEN_XMIT_OK:
      Written = WriteUlong(Va, A.TxGood)
      break
    case OID_GEN_RCV_OK:
      Written = WriteUlong(Va, A.RxGood)
      break
    case OID_GEN_XMIT_ERROR:
      Written = WriteUlong(Va, A.TxErrors)
      break
    case OID_GEN_RCV_ERROR:
      Written = WriteUlong(Va, A.RxDropped)
      break
    case OID_GEN_RCV_NO_BUFFER:
      Written = WriteUlong(Va, A.NoBufferFrames + A.MissedFrames)
      break
    case OID_802_3_PERMANENT_ADDRESS:
      Written = WriteBytes(Va, A.PermanentAddress)
      break
    case OID_802_3_CURRENT_ADDRESS:
      Written = WriteBytes(Va, A.StationAddress)
      break
    case OID_802_3_MULTICAST_LIST:
      for (let i = 0; i < A.MulticastList.length; i++) Written += WriteBytes(Va + i * 6, A.MulticastList[i])
      break
    case OID_802_3_MAXIMUM_LIST_SIZE:
      Written = WriteUlong(Va, MAX_MULTICAST)
      break
    default:
      return NDIS_STATUS_NOT_SUPPORTED
  }
  BytesWritten.value = Written
  return NDIS_STATUS_SUCCESS
}

function MiniportSetInformation(
  A: ADAPTER,
  Oid: NDIS_OID,
  InformationBuffer: PVOID,
  InformationBufferLength: number,
  BytesRead: Out<number>,
  BytesNeeded: Out<number>,
): NDIS_STATUS {
  BytesRead.value = 0
  BytesNeeded.value = 0
  switch (Oid) {
    case OID_GEN_CURRENT_PACKET_FILTER: {
      if (InformationBufferLength < 4) {
        BytesNeeded.value = 4
        return NDIS_STATUS_INVALID_LENGTH
      }
      const Filter = MmRead32(InformationBuffer)
      if ((Filter & ~SUPPORTED_FILTERS) !== 0) return NDIS_STATUS_NOT_SUPPORTED
      A.PacketFilter = Filter
      BytesRead.value = 4
      return NDIS_STATUS_SUCCESS
    }
    case OID_GEN_CURRENT_LOOKAHEAD: {
      if (InformationBufferLength < 4) {
        BytesNeeded.value = 4
        return NDIS_STATUS_INVALID_LENGTH
      }
      const Lookahead = MmRead32(InformationBuffer)
      if (Lookahead > MAX_LOOKAHEAD) return NDIS_STATUS_INVALID_DATA
      A.Lookahead = Lookahead
      BytesRead.value = 4
      return NDIS_STATUS_SUCCESS
    }
    case OID_802_3_MULTICAST_LIST: {
      if (InformationBufferLength % 6 !== 0) return NDIS_STATUS_INVALID_LENGTH
      const Count = InformationBufferLength / 6
      if (Count > MAX_MULTICAST) return NDIS_STATUS_MULTICAST_FULL
      A.MulticastList.length = 0
      for (let i = 0; i < Count; i++) {
        const Address: number[] = []
        for (let j = 0; j < 6; j++) Address.push(MmRead8(InformationBuffer + i * 6 + j))
        A.MulticastList.push(Address)
      }
      BytesRead.value = InformationBufferLength
      return NDIS_STATUS_SUCCESS
    }
    default:
      return NDIS_STATUS_NOT_SUPPORTED
  }
}

// ---- Initialisation and halt ----

function FreeAdapterResources(A: ADAPTER): void {
  for (const Packet of A.RxFreePackets) NdisFreePacket(Packet)
  A.RxFreePackets.length = 0
  if (A.PacketPool !== NULL) NdisFreePacketPool(A.PacketPool)
  for (const Buffer of A.RxNdisBuffer) NdisFreeBuffer(Buffer)
  A.RxNdisBuffer.length = 0
  if (A.BufferPool !== NULL) NdisFreeBufferPool(A.BufferPool)
  if (A.RxBufferMemoryVa !== NULL) {
    NdisMFreeSharedMemory(
      A.MiniportAdapterHandle,
      A.RxBufferCount * RX_BUFFER_SIZE,
      false,
      A.RxBufferMemoryVa,
      A.RxBufferMemoryPa,
    )
  }
  if (A.RxRingVa !== NULL) {
    NdisMFreeSharedMemory(A.MiniportAdapterHandle, A.RxRingSize * DESC_SIZE, false, A.RxRingVa, A.RxRingPa)
  }
  if (A.TxBufferVa !== NULL) {
    NdisMFreeSharedMemory(A.MiniportAdapterHandle, TX_RING_SIZE * TX_BUFFER_SIZE, false, A.TxBufferVa, A.TxBufferPa)
  }
  if (A.TxRingVa !== NULL) {
    NdisMFreeSharedMemory(A.MiniportAdapterHandle, TX_RING_SIZE * DESC_SIZE, false, A.TxRingVa, A.TxRingPa)
  }
  if (A.Registers !== NULL) NdisMUnmapIoSpace(A.MiniportAdapterHandle, A.Registers, A.RegistersLength)
}

function AllocateShared(A: ADAPTER, Length: number): boolean {
  NdisMAllocateSharedMemory(A.MiniportAdapterHandle, Length, false, VaCell, PaCell)
  return VaCell.value !== NULL
}

/** Rings, buffers, buffer descriptors and packets (docs/controller.md §10 step 5); RESOURCES when any is short. */
function AllocateAdapterMemory(A: ADAPTER): NDIS_STATUS {
  if (!AllocateShared(A, A.RxRingSize * DESC_SIZE)) return NDIS_STATUS_RESOURCES
  A.RxRingVa = VaCell.value
  A.RxRingPa = PaCell.value
  if (!AllocateShared(A, A.RxBufferCount * RX_BUFFER_SIZE)) return NDIS_STATUS_RESOURCES
  A.RxBufferMemoryVa = VaCell.value
  A.RxBufferMemoryPa = PaCell.value
  if (!AllocateShared(A, TX_RING_SIZE * DESC_SIZE)) return NDIS_STATUS_RESOURCES
  A.TxRingVa = VaCell.value
  A.TxRingPa = PaCell.value
  if (!AllocateShared(A, TX_RING_SIZE * TX_BUFFER_SIZE)) return NDIS_STATUS_RESOURCES
  A.TxBufferVa = VaCell.value
  A.TxBufferPa = PaCell.value

  const Pool: Out<NDIS_HANDLE> = { value: NULL }
  NdisAllocateBufferPool(StatusCell, Pool, A.RxBufferCount)
  if (StatusCell.value !== NDIS_STATUS_SUCCESS) return StatusCell.value
  A.BufferPool = Pool.value
  for (let i = 0; i < A.RxBufferCount; i++) {
    NdisAllocateBuffer(StatusCell, BufferCell, A.BufferPool, A.RxBufferMemoryVa + i * RX_BUFFER_SIZE, RX_BUFFER_SIZE)
    if (StatusCell.value !== NDIS_STATUS_SUCCESS) return NDIS_STATUS_RESOURCES
    A.RxNdisBuffer.push(BufferCell.value)
    A.RxFreeBuffers.push(i)
  }

  // The pool is sized from configuration; a smaller one is tried if memory is short (founding document).
  let Count = A.RxPacketCount
  for (;;) {
    NdisAllocatePacketPool(StatusCell, Pool, Count, PROTOCOL_RESERVED_SIZE_IN_PACKET)
    if (StatusCell.value === NDIS_STATUS_SUCCESS || Count <= 8) break
    Count = Count >> 1
  }
  if (StatusCell.value !== NDIS_STATUS_SUCCESS) return StatusCell.value
  A.PacketPool = Pool.value
  A.RxPacketCount = Count
  // Low on resources, a few packets fewer is no reason to fail: receive copies (RESOURCES) until returns catch up.
  for (let i = 0; i < Count; i++) {
    NdisAllocatePacket(StatusCell, PacketCell, A.PacketPool)
    if (StatusCell.value !== NDIS_STATUS_SUCCESS) continue
    A.RxFreePackets.push(PacketCell.value)
  }
  return A.RxFreePackets.length >= 4 ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES
}

function MiniportInitialize(
  OpenErrorStatus: Out<NDIS_STATUS>,
  SelectedMediumIndex: Out<number>,
  MediumArray: NDIS_MEDIUM[],
  MediumArraySize: number,
  MiniportAdapterHandle: NDIS_HANDLE,
  WrapperConfigurationContext: NDIS_HANDLE,
): NDIS_STATUS {
  OpenErrorStatus.value = NDIS_STATUS_SUCCESS
  let Medium = -1
  for (let i = 0; i < MediumArraySize; i++) if (MediumArray[i] === NdisMedium802_3) Medium = i
  if (Medium < 0) return NDIS_STATUS_UNSUPPORTED_MEDIA
  SelectedMediumIndex.value = Medium

  const A: ADAPTER = {
    MiniportAdapterHandle,
    Registers: NULL,
    RegistersLength: 0,
    Interrupt: new NDIS_MINIPORT_INTERRUPT(),
    InterruptRegistered: false,
    PendingCauses: 0,
    MediaConnected: false,
    StationAddress: [],
    PermanentAddress: [],
    PacketFilter: 0,
    Lookahead: 0,
    MulticastList: [],
    RxRingSize: 64,
    RxRingVa: NULL,
    RxRingPa: 0,
    RxSlotBuffer: [],
    RxClean: 0,
    RxTail: 0,
    RxLowWater: 8,
    RxBufferCount: 0,
    RxBufferMemoryVa: NULL,
    RxBufferMemoryPa: 0,
    RxNdisBuffer: [],
    RxFreeBuffers: [],
    PacketPool: NULL,
    BufferPool: NULL,
    RxPacketCount: 64,
    RxFreePackets: [],
    TxRingVa: NULL,
    TxRingPa: 0,
    TxBufferVa: NULL,
    TxBufferPa: 0,
    TxPacket: [],
    TxNext: 0,
    TxClean: 0,
    TxInUse: 0,
    RxGood: 0,
    RxDropped: 0,
    RxIndicatedWithResources: 0,
    UseLookahead: false,
    TxGood: 0,
    TxErrors: 0,
    MissedFrames: 0,
    NoBufferFrames: 0,
  }

  // 1. Attributes first: NDIS needs the context before resources are claimed (docs/controller.md §10).
  NdisMSetAttributesEx(MiniportAdapterHandle, A, 2, NDIS_ATTRIBUTE_BUS_MASTER, NdisInterfacePci)

  // Configuration: sizes of the rings and pools.
  const Config: Out<NDIS_HANDLE> = { value: NULL }
  let ThrottleUs = 0
  let ConfiguredAddress: number[] = []
  NdisOpenConfiguration(StatusCell, Config, WrapperConfigurationContext)
  if (StatusCell.value === NDIS_STATUS_SUCCESS) {
    A.RxRingSize = ReadRegistryInteger(Config.value, 'ReceiveRingSize', 64, 8, 4096)
    A.RxBufferCount = ReadRegistryInteger(Config.value, 'ReceiveBuffers', A.RxRingSize * 2, A.RxRingSize, 16384)
    A.RxPacketCount = ReadRegistryInteger(Config.value, 'MaxReceivePackets', 64, 8, 0xffff)
    ThrottleUs = ReadRegistryInteger(Config.value, 'InterruptThrottleUs', 0, 0, 0xffff)
    A.UseLookahead = ReadRegistryInteger(Config.value, 'ReceiveIndication', 0, 0, 1) === 1
    // A locally administered address from the registry overrides the station address (NdisReadNetworkAddress).
    const Address: Out<number[] | null> = { value: null }
    NdisReadNetworkAddress(StatusCell, Address, LengthCell, Config.value)
    if (StatusCell.value === NDIS_STATUS_SUCCESS && Address.value !== null && LengthCell.value === 6)
      ConfiguredAddress = Address.value.slice()
    NdisCloseConfiguration(Config.value)
  } else {
    A.RxBufferCount = A.RxRingSize * 2
  }
  A.RxLowWater = Math.max(4, A.RxRingSize >> 2)

  // 2. Resources: the register window and the interrupt.
  const Resources: Out<NDIS_RESOURCE_LIST | null> = { value: null }
  NdisMQueryAdapterResources(StatusCell, WrapperConfigurationContext, Resources, LengthCell)
  if (StatusCell.value !== NDIS_STATUS_SUCCESS || Resources.value === null) return NDIS_STATUS_ADAPTER_NOT_FOUND
  let RegisterBase = 0
  let Vector = 0
  let Level = 0
  for (const d of Resources.value.PartialDescriptors) {
    if (d.Type === CmResourceTypeMemory && d.u.Memory) {
      RegisterBase = d.u.Memory.Start
      A.RegistersLength = d.u.Memory.Length
    } else if (d.Type === CmResourceTypeInterrupt && d.u.Interrupt) {
      Vector = d.u.Interrupt.Vector
      Level = d.u.Interrupt.Level
    }
  }
  NdisMMapIoSpace(StatusCell, VaCell, MiniportAdapterHandle, RegisterBase, A.RegistersLength)
  if (StatusCell.value !== NDIS_STATUS_SUCCESS) return StatusCell.value
  A.Registers = VaCell.value

  // 3–4. Reset, mask everything, discard stale causes; read the station address.
  WriteReg(A, CTRL, CTRL_RST)
  WriteReg(A, IMC, 0xffffffff)
  ReadReg(A, ICR)
  const Low = ReadReg(A, RAL)
  const High = ReadReg(A, RAH)
  A.PermanentAddress = [
    Low & 0xff,
    (Low >>> 8) & 0xff,
    (Low >>> 16) & 0xff,
    Low >>> 24,
    High & 0xff,
    (High >>> 8) & 0xff,
  ]
  A.StationAddress = A.PermanentAddress.slice()
  if (ConfiguredAddress.length === 6) A.StationAddress = ConfiguredAddress

  // 5. Receive ring, receive buffers, their buffer descriptors, and the packets.
  let Status = AllocateAdapterMemory(A)
  if (Status !== NDIS_STATUS_SUCCESS) {
    FreeAdapterResources(A)
    return Status
  }

  for (let i = 0; i < A.RxRingSize; i++) A.RxSlotBuffer.push(-1)
  for (let i = 0; i < TX_RING_SIZE; i++) A.TxPacket.push(NULL)

  // 6. Program the receive ring and post n − 1 buffers.
  WriteReg(A, RDBA, A.RxRingPa)
  WriteReg(A, RDLEN, A.RxRingSize * DESC_SIZE)
  WriteReg(A, RDH, 0)
  WriteReg(A, RDT, 0)
  WriteReg(A, RDMT, A.RxLowWater)
  A.RxClean = 0
  A.RxTail = 0
  RefillRxRing(A)
  WriteReg(A, RCTL, RCTL_EN | RCTL_BSIZE_2048)

  // 7–8. Transmit ring; throttling.
  WriteReg(A, TDBA, A.TxRingPa)
  WriteReg(A, TDLEN, TX_RING_SIZE * DESC_SIZE)
  WriteReg(A, TDH, 0)
  WriteReg(A, TDT, 0)
  WriteReg(A, TCTL, TCTL_EN)
  WriteReg(A, ITR, ThrottleUs)

  // 9–11. The interrupt, then unmask, then the initial media state.
  Status = NdisMRegisterInterrupt(
    A.Interrupt,
    MiniportAdapterHandle,
    Vector,
    Level,
    true,
    false,
    NdisInterruptLevelSensitive,
  )
  if (Status !== NDIS_STATUS_SUCCESS) {
    WriteReg(A, RCTL, 0)
    WriteReg(A, TCTL, 0)
    FreeAdapterResources(A)
    return Status
  }
  A.InterruptRegistered = true
  WriteReg(A, IMS, INTERRUPTS)
  A.MediaConnected = (ReadReg(A, STATUS) & STATUS_LU) !== 0

  DbgPrint(
    'WB-100 at %p: %d rx descriptors, %d rx buffers, %d packets, station %02x-%02x-%02x-%02x-%02x-%02x\n',
    A.Registers,
    A.RxRingSize,
    A.RxBufferCount,
    A.RxPacketCount,
    A.StationAddress[0],
    A.StationAddress[1],
    A.StationAddress[2],
    A.StationAddress[3],
    A.StationAddress[4],
    A.StationAddress[5],
  )
  return NDIS_STATUS_SUCCESS
}

function MiniportHalt(A: ADAPTER): void {
  // Quiesce the device, then undo MiniportInitialize in reverse (docs/controller.md §10).
  WriteReg(A, IMC, 0xffffffff)
  WriteReg(A, RCTL, 0)
  WriteReg(A, TCTL, 0)
  NdisMDeregisterInterrupt(A.Interrupt)
  A.InterruptRegistered = false
  // Sends the device never finished are completed as failed.
  while (A.TxInUse > 0) {
    NdisMSendComplete(A.MiniportAdapterHandle, A.TxPacket[A.TxClean], NDIS_STATUS_FAILURE)
    A.TxPacket[A.TxClean] = NULL
    A.TxClean = (A.TxClean + 1) % TX_RING_SIZE
    A.TxInUse--
  }
  // Buffers still in ring slots go back to the free list before the descriptors are freed.
  for (let Slot = 0; Slot < A.RxRingSize; Slot++) {
    if (A.RxSlotBuffer[Slot] >= 0) A.RxFreeBuffers.push(A.RxSlotBuffer[Slot])
    A.RxSlotBuffer[Slot] = -1
  }
  DbgPrint(
    'WB-100 halted: %u frames indicated (%u with RESOURCES), %u dropped, %u sent\n',
    A.RxGood,
    A.RxIndicatedWithResources,
    A.RxDropped,
    A.TxGood,
  )
  FreeAdapterResources(A)
}

export function DriverEntry(DriverObject: PDRIVER_OBJECT, RegistryPath: PUNICODE_STRING): NDIS_STATUS {
  const WrapperHandle: Out<NDIS_HANDLE> = { value: NULL }
  NdisMInitializeWrapper(WrapperHandle, DriverObject, RegistryPath, NULL)
  const Status = NdisMRegisterMiniport(WrapperHandle.value, {
    MajorNdisVersion: 5,
    MinorNdisVersion: 1,
    InitializeHandler: MiniportInitialize,
    HaltHandler: MiniportHalt,
    ISRHandler: MiniportISR,
    HandleInterruptHandler: MiniportHandleInterrupt,
    SendPacketsHandler: MiniportSendPackets,
    ReturnPacketHandler: MiniportReturnPacket,
    CheckForHangHandler: MiniportCheckForHang,
    ResetHandler: MiniportReset,
    QueryInformationHandler: MiniportQueryInformation,
    SetInformationHandler: MiniportSetInformation,
    TransferDataHandler: MiniportTransferData,
  })
  if (Status !== NDIS_STATUS_SUCCESS) NdisTerminateWrapper(WrapperHandle.value, NULL)
  return Status
}
