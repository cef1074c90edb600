// C structures over kernel memory (docs/structures.md): layout as x86 MSVC lays it out, field access through the
// kernel's checked memory, and an adapter block that holds the driver's locks, timers, events and lists as in C.
import { describe, expect, it } from 'vitest'
import { checkScript } from '../../../main/script-host/typecheck'
import { startRun } from '../../support/real-run'

/** A driver whose adapter lives in memory from NdisAllocateMemoryWithTag, as netvmini's MP_ADAPTER does. */
const DRIVER = `const TCB = C_STRUCT('TCB', {
  List: LIST_ENTRY,
  Adapter: PVOID,
  Packet: PNDIS_PACKET,
  Ref: LONG,
})
const MP_ADAPTER = C_STRUCT('MP_ADAPTER', {
  List: LIST_ENTRY,
  Flags: UCHAR,
  Lock: NDIS_SPIN_LOCK,
  Timer: NDIS_MINIPORT_TIMER,
  Event: NDIS_EVENT,
  PermanentAddress: C_ARRAY(UCHAR, 6),
  Ready: BOOLEAN,
  RecvList: LIST_ENTRY,
  FreeTcbs: SINGLE_LIST_ENTRY,
  TcbMemory: NDIS_PHYSICAL_ADDRESS,
  Counters: C_STRUCT('COUNTERS', { Sent: ULONG, Dropped: LONG }),
  Parts: C_UNION('PARTS', { Whole: ULONG, Low: USHORT }),
  Tcbs: C_ARRAY(TCB, 4),
})
let Adapter = MP_ADAPTER.at(NULL)
let Ticks = 0

function TimerFunction(SystemSpecific1: unknown, FunctionContext: any, SystemSpecific2: unknown, SystemSpecific3: unknown): void {
  const a = MP_ADAPTER.at(FunctionContext)
  NdisDprAcquireSpinLock(a.Lock)
  a.Counters.Sent++
  NdisDprReleaseSpinLock(a.Lock)
  if (++Ticks === 3) NdisSetEvent(a.Event)
}

function MiniportInitialize(
  OpenErrorStatus: Out<NDIS_STATUS>,
  SelectedMediumIndex: Out<number>,
  MediumArray: NDIS_MEDIUM[],
  MediumArraySize: number,
  MiniportAdapterHandle: NDIS_HANDLE,
  WrapperConfigurationContext: NDIS_HANDLE,
): NDIS_STATUS {
  SelectedMediumIndex.value = 0
  const Va: Out<PVOID> = { value: NULL }
  if (NdisAllocateMemoryWithTag(Va, sizeof(MP_ADAPTER), 0x504d4e56) !== NDIS_STATUS_SUCCESS) return NDIS_STATUS_RESOURCES
  NdisZeroMemory(Va.value, sizeof(MP_ADAPTER))
  Adapter = MP_ADAPTER.at(Va.value)
  NdisMSetAttributesEx(MiniportAdapterHandle, Adapter.$va, 0, NDIS_ATTRIBUTE_DESERIALIZE, NdisInterfacePci)
  DbgPrint('sizeof %u Lock %u Timer %u Event %u Address %u RecvList %u TcbMemory %u Counters %u Tcbs %u TCB %u\\n',
    sizeof(MP_ADAPTER), FIELD_OFFSET(MP_ADAPTER, 'Lock'), FIELD_OFFSET(MP_ADAPTER, 'Timer'),
    FIELD_OFFSET(MP_ADAPTER, 'Event'), FIELD_OFFSET(MP_ADAPTER, 'PermanentAddress'), FIELD_OFFSET(MP_ADAPTER, 'RecvList'),
    FIELD_OFFSET(MP_ADAPTER, 'TcbMemory'), FIELD_OFFSET(MP_ADAPTER, 'Counters.Dropped'), FIELD_OFFSET(MP_ADAPTER, 'Tcbs'), sizeof(TCB))
  NdisAllocateSpinLock(Adapter.Lock)
  NdisInitializeEvent(Adapter.Event)
  NdisMInitializeTimer(Adapter.Timer, MiniportAdapterHandle, TimerFunction, Adapter.$va)
  InitializeListHead(Adapter.RecvList)
  Adapter.Flags = 0x1ff
  Adapter.Ready = TRUE
  Adapter.Counters.Dropped = -2
  Adapter.Parts.Whole = 0x12345678
  Adapter.TcbMemory = 0x123456789
  MmWrite8(Adapter.PermanentAddress + 5, 0xab)
  const tcb = TCB.at(Adapter.Tcbs)
  for (let i = 0; i < 4; i++) {
    tcb.$va = Adapter.Tcbs + i * sizeof(TCB)
    tcb.Ref = i
    InsertTailList(Adapter.RecvList, tcb.List)
  }
  const first = CONTAINING_RECORD(RemoveHeadList(Adapter.RecvList), TCB, 'List')
  NdisInterlockedInsertTailList(Adapter.RecvList, first.List, Adapter.Lock)
  let order = ''
  for (let e = Adapter.RecvList.Flink; e !== Adapter.RecvList.$va; e = MmRead32(e)) order += CONTAINING_RECORD(e, TCB, 'List').Ref
  PushEntryList(Adapter.FreeTcbs, Adapter.Tcbs + FIELD_OFFSET(TCB, 'Adapter'))
  const popped = PopEntryList(Adapter.FreeTcbs)
  const empty = PopEntryList(Adapter.FreeTcbs)
  DbgPrint('order %s flags %u ready %d dropped %d low %x pa %x:%x mac %x popped %d empty %p inc %d dec %d\\n', order,
    Adapter.Flags, Adapter.Ready ? 1 : 0, Adapter.Counters.Dropped, Adapter.Parts.Low, MmRead32(Adapter.$va + FIELD_OFFSET(MP_ADAPTER, 'TcbMemory') + 4),
    Adapter.TcbMemory % 0x100000000, MmRead8(Adapter.PermanentAddress + 5), popped === Adapter.Tcbs + 8 ? 1 : 0, empty,
    NdisInterlockedIncrement(Adapter.Tcbs + FIELD_OFFSET(TCB, 'Ref')), NdisInterlockedDecrement(Adapter.Tcbs + 3 * sizeof(TCB) + FIELD_OFFSET(TCB, 'Ref')))
  NdisMSetPeriodicTimer(Adapter.Timer, 5)
  const signalled = NdisWaitEvent(Adapter.Event, 1000)
  DbgPrint('waited %d sent %u\\n', signalled ? 1 : 0, Adapter.Counters.Sent)
  const Cancelled: Out<boolean> = { value: false }
  NdisMCancelTimer(Adapter.Timer, Cancelled)
  while (!IsListEmpty(Adapter.RecvList)) RemoveEntryList(Adapter.RecvList.Flink)
  return NDIS_STATUS_SUCCESS
}
function MiniportHalt(MiniportAdapterContext: NDIS_HANDLE_CONTEXT): void {
  const a = MP_ADAPTER.at(MiniportAdapterContext)
  NdisFreeSpinLock(a.Lock)
  NdisFreeMemory(a.$va, sizeof(MP_ADAPTER), 0)
}
function MiniportSendPackets(Context: NDIS_HANDLE_CONTEXT, PacketArray: PNDIS_PACKET[], NumberOfPackets: number): void {
  for (let i = 0; i < NumberOfPackets; i++) NdisMSendComplete(NULL, PacketArray[i]!, NDIS_STATUS_FAILURE)
}
export function DriverEntry(DriverObject: PDRIVER_OBJECT, RegistryPath: PUNICODE_STRING): NDIS_STATUS {
  const Wrapper: Out<NDIS_HANDLE> = { value: NULL }
  NdisMInitializeWrapper(Wrapper, DriverObject, RegistryPath, NULL)
  return NdisMRegisterMiniport(Wrapper.value, {
    MajorNdisVersion: 5,
    MinorNdisVersion: 1,
    InitializeHandler: MiniportInitialize,
    HaltHandler: MiniportHalt,
    SendPacketsHandler: MiniportSendPackets,
  })
}
`

describe('C structures over kernel memory', () => {
  it('type-check as C declares them', () => {
    const errors = checkScript('driver.ts', DRIVER, false).filter((d) => d.severity === 'error')
    expect(errors.map((d) => `${d.line}: ${d.message}`)).toEqual([])
  })

  it('lay out as x86 MSVC does and hold the locks, timers, events and lists of a C adapter block', () => {
    const run = startRun(DRIVER, { verifier: 'full' })
    run.runToEnd()
    const text = run.debugOutput.map((d) => d.text).join('')
    // LIST_ENTRY 0-7, Flags 8, Lock 12 (4-aligned), Timer 24 (KTIMER: 8-aligned, 0x58), Event 112, address 128,
    // Ready 134, RecvList 136, FreeTcbs 144, TcbMemory 152 (8-aligned), Counters 160 (+4 Dropped), Parts 168,
    // Tcbs 172 (4 x 20), size 252 rounded up to 8 = 256.
    expect(text).toContain(
      'sizeof 256 Lock 12 Timer 24 Event 112 Address 128 RecvList 136 TcbMemory 152 Counters 164 Tcbs 172 TCB 20\n',
    )
    expect(text).toContain(
      'order 1230 flags 255 ready 1 dropped -2 low 5678 pa 1:23456789 mac ab popped 1 empty 00000000 inc 1 dec 2\n',
    )
    expect(text).toContain('waited 1 sent 3\n')
    expect(run.kernel.verifier.findings).toEqual([])
  })

  it('overlay MINIPORT_RESERVED in a JavaScript script, and a field of freed memory is a finding at its line', () => {
    const script = `const RCB = C_STRUCT('RCB', { Adapter: PVOID, Next: PNDIS_PACKET, Count: USHORT })
let Pool = NULL
let Seen = ''
function MiniportInitialize(OpenErrorStatus, SelectedMediumIndex, MediumArray, MediumArraySize, MiniportAdapterHandle, WrapperConfigurationContext) {
  SelectedMediumIndex.value = 0
  NdisMSetAttributesEx(MiniportAdapterHandle, {}, 0, NDIS_ATTRIBUTE_DESERIALIZE, NdisInterfacePci)
  const Status = { value: 0 }
  const Handle = { value: NULL }
  NdisAllocatePacketPool(Status, Handle, 4, 16)
  Pool = Handle.value
  const Packet = { value: NULL }
  NdisAllocatePacket(Status, Packet, Pool)
  const rcb = RCB.at(MINIPORT_RESERVED(Packet.value))
  rcb.Adapter = 0x80001234
  rcb.Count = 0x10001
  DbgPrint('rcb %x %u %u\\n', MmRead32(MINIPORT_RESERVED(Packet.value)), rcb.Count, sizeof(rcb))
  NdisFreePacket(Packet.value)
  const Va = { value: NULL }
  NdisAllocateMemoryWithTag(Va, sizeof(RCB), 0)
  const stale = RCB.at(Va.value)
  NdisFreeMemory(Va.value, sizeof(RCB), 0)
  Seen = stale.Count // FREED
  return NDIS_STATUS_SUCCESS
}
function MiniportHalt(Context) { NdisFreePacketPool(Pool) }
function MiniportSendPackets(Context, PacketArray, NumberOfPackets) {}
export function DriverEntry(DriverObject, RegistryPath) {
  const Wrapper = { value: NULL }
  NdisMInitializeWrapper(Wrapper, DriverObject, RegistryPath, NULL)
  return NdisMRegisterMiniport(Wrapper.value, { MajorNdisVersion: 5, MinorNdisVersion: 1,
    InitializeHandler: MiniportInitialize, HaltHandler: MiniportHalt, SendPacketsHandler: MiniportSendPackets })
}
`
    const run = startRun(script, { verifier: 'full', file: 'driver.js' })
    const text = run.debugOutput.map((d) => d.text).join('')
    expect(text).toContain('rcb 80001234 1 12\n')
    const findings = run.kernel.verifier.findings
    expect(findings.map((f) => f.rule)).toEqual(['R16'])
    const line = script.split('\n').findIndex((l) => l.includes('// FREED')) + 1
    expect(run.sites.location(findings[0]!.site)).toMatchObject({ file: 'driver.js', line })
  })

  it('answers a field accessor called on something that is not a view with a finding, never a host exception', () => {
    const run = startRun(DRIVER, { verifier: 'full' })
    const scope = run.scope as Record<string, (...args: unknown[]) => unknown>
    const S = scope.C_STRUCT!('S', { A: scope.ULONG }) as { at(va: number): object }
    const getter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(S.at(0)), 'A')!.get!
    expect(() => getter.call({})).toThrow(/0x50|PAGE_FAULT|R16|outside/i)
    expect(run.kernel.verifier.findings.at(-1)?.rule).toBe('R16')
  })

  it("lays out docs/structures.md's MP_ADAPTER at the offsets the page gives", () => {
    const run = startRun(DRIVER, { verifier: 'full' })
    const c = run.scope as Record<string, any>
    const TCB = c.C_STRUCT('TCB', { List: c.LIST_ENTRY, Adapter: c.PVOID, Packet: c.PNDIS_PACKET, Ref: c.LONG })
    const A = c.C_STRUCT('MP_ADAPTER', {
      List: c.LIST_ENTRY,
      Flags: c.ULONG,
      SendLock: c.NDIS_SPIN_LOCK,
      ResetTimer: c.NDIS_MINIPORT_TIMER,
      HaltEvent: c.NDIS_EVENT,
      CurrentAddress: c.C_ARRAY(c.UCHAR, 6),
      SendWaitList: c.LIST_ENTRY,
      TcbMemory: c.NDIS_PHYSICAL_ADDRESS,
      Stats: c.C_STRUCT('MP_STATS', { GoodTransmits: c.ULONG, GoodReceives: c.ULONG }),
      u: c.C_UNION('MP_U', { Whole: c.ULONG, Low: c.USHORT }),
      Tcbs: c.C_ARRAY(TCB, 16),
    })
    const fields = ['List', 'Flags', 'SendLock', 'ResetTimer', 'HaltEvent', 'CurrentAddress', 'SendWaitList']
    const more = ['TcbMemory', 'Stats', 'u', 'Tcbs', 'Stats.GoodReceives']
    expect([...fields, ...more].map((f) => c.FIELD_OFFSET(A, f))).toEqual([
      0, 8, 12, 24, 112, 128, 136, 144, 152, 160, 164, 156,
    ])
    expect([c.sizeof(A), c.sizeof(TCB), c.sizeof(c.C_UNION('U', { A: c.UCHAR, B: c.NDIS_PHYSICAL_ADDRESS }))]).toEqual([
      488, 20, 8,
    ])
    expect(run.kernel.verifier.findings).toEqual([])
  })
})
