// Rules that need the whole NDIS around the miniport (lifecycle, interrupts, receive and send paths) are tested on a
// real run of a small script: the engine as the CLI runs it, in process. The faulting line is marked `// HERE`.
import { expect, it } from 'vitest'
import type { Run } from '../../../../core/engine/run'
import type { VerifierLevelName } from '../../../../core/verifier/level'
import type { RuleDef } from '../../../../core/verifier/rule'
import { expectFinding, FILE, runOf } from './rule-case'

export interface MiniportParts {
  /** Declarations at the top of the script. */
  globals?: string
  /** Statements in MiniportInitialize before it returns success. */
  init?: string
  /** Statements in MiniportHalt. */
  halt?: string
  /** More handler functions, and the characteristics fields that name them (`ISRHandler: MiniportISR, ...`). */
  functions?: string
  characteristics?: string
  /** Flags for NdisMSetAttributesEx (default NDIS_ATTRIBUTE_BUS_MASTER). */
  attributes?: string
}

/** NDIS requires a send handler: by default every send fails. */
const DEFAULT_SEND = `function MiniportSendPackets(Context, PacketArray, NumberOfPackets) {
  for (let i = 0; i < NumberOfPackets; i++) NDIS_SET_PACKET_STATUS(PacketArray[i], NDIS_STATUS_FAILURE)
}`

/** A whole miniport script around the parts a test needs. */
export function miniport(p: MiniportParts): string {
  return `let AdapterHandle = NULL
let WrapperContext = NULL
${p.globals ?? ''}
function MiniportInitialize(OpenErrorStatus, SelectedMediumIndex, MediumArray, MediumArraySize, MiniportAdapterHandle, WrapperConfigurationContext) {
  SelectedMediumIndex.value = 0
  AdapterHandle = MiniportAdapterHandle
  WrapperContext = WrapperConfigurationContext
  NdisMSetAttributesEx(MiniportAdapterHandle, {}, 0, ${p.attributes ?? 'NDIS_ATTRIBUTE_BUS_MASTER'}, NdisInterfacePci)
${p.init ?? ''}
  return NDIS_STATUS_SUCCESS
}
function MiniportHalt(Context) {
${p.halt ?? ''}
}
${p.functions ?? ''}
${p.characteristics?.includes('SendPacketsHandler') ? '' : DEFAULT_SEND}
export function DriverEntry(DriverObject, RegistryPath) {
  const Wrapper = { value: NULL }
  NdisMInitializeWrapper(Wrapper, DriverObject, RegistryPath, NULL)
  return NdisMRegisterMiniport(Wrapper.value, {
    MajorNdisVersion: 5,
    MinorNdisVersion: 1,
    InitializeHandler: MiniportInitialize,
    HaltHandler: MiniportHalt,
    ${p.characteristics ?? ''}
    ${p.characteristics?.includes('SendPacketsHandler') ? '' : 'SendPacketsHandler: MiniportSendPackets,'}
  })
}
`
}

/** Statements that map the WB-100's registers and register its interrupt (docs/controller.md §2, §10). */
export const CONNECT_INTERRUPT = `  const Status = { value: 0 }
  const Resources = { value: null }
  NdisMQueryAdapterResources(Status, WrapperConfigurationContext, Resources, { value: 0 })
  const Memory = Resources.value.PartialDescriptors[0].u.Memory
  const Irq = Resources.value.PartialDescriptors[1].u.Interrupt
  const Va = { value: NULL }
  NdisMMapIoSpace(Status, Va, MiniportAdapterHandle, Memory.Start, Memory.Length)
  Registers = Va.value
  NdisWriteRegisterUlong(Registers + 0x14, 0xffffffff)
  NdisMRegisterInterrupt(Interrupt, MiniportAdapterHandle, Irq.Vector, Irq.Level, true, false, NdisInterruptLevelSensitive)`

export const ISR = `function MiniportISR(InterruptRecognized, QueueMiniportHandleInterrupt, Context) {
  const Causes = { value: 0 }
  NdisReadRegisterUlong(Registers + 0x08, Causes)
  InterruptRecognized.value = Causes.value !== 0
  QueueMiniportHandleInterrupt.value = Causes.value !== 0
}
function MiniportHandleInterrupt(Context) {}`

/** The 1-based line of the first line of `script` containing `marker`. */
export function lineOf(script: string, marker = '// HERE'): number {
  const i = script.split('\n').findIndex((l) => l.includes(marker))
  if (i < 0) throw new Error(`no ${marker} in the script`)
  return i + 1
}

export interface ScriptMisuse {
  script: string
  scenario?: unknown
  form?: number
  /** The parameters, from the run (addresses are the run's). */
  params: (run: Run) => readonly [number, number, number, number]
  /** Marker of the line the finding names (default `// HERE`). */
  marker?: string
  /** Marker of the line named as allocating, when there is one. */
  allocatedMarker?: string
}

export function scriptRuleCase(
  rule: RuleDef,
  misuse: () => ScriptMisuse,
  title = 'fires',
  whenOff: readonly string[] = rule.withoutVerifier ? [rule.id] : [],
): void {
  const codes = rule.forms.map((f) => '0x' + f.code.toString(16).toUpperCase()).join('/')
  const level: VerifierLevelName = rule.level
  it(`${title}: ${codes} with the catalogue's parameters, at the line`, () => {
    const m = misuse()
    const { run, stopped } = runOf(m.script, { verifier: level, scenario: m.scenario })
    expectFinding(run.sites, run.kernel.verifier.findings, stopped, rule, {
      form: m.form,
      params: m.params(run),
      line: lineOf(m.script, m.marker),
      allocatedLine: m.allocatedMarker ? lineOf(m.script, m.allocatedMarker) : undefined,
    })
    expect(run.sites.location(run.kernel.verifier.findings.find((f) => f.rule === rule.id)!.site).file).toBe(FILE)
  })
  it(
    whenOff.length === 0
      ? `${title}, with the verifier off: silent`
      : `${title}, with the verifier off: still ${whenOff.join(', ')} (Windows raises it itself)`,
    () => {
      const m = misuse()
      const { run } = runOf(m.script, { verifier: 'off', scenario: m.scenario })
      expect([...new Set(run.kernel.verifier.findings.map((f) => f.rule))]).toEqual([...whenOff])
    },
  )
}

/**
 * A MiniportQueryInformation / MiniportSetInformation pair that answers what the binding asks (every query with a
 * ULONG 0 or the adapter's address, every set accepted), for rules about requests. `query` runs first and may
 * return a status of its own (undefined: answer normally).
 */
export function requestHandlers(query = '', set = ''): { functions: string; characteristics: string } {
  return {
    functions: `function MiniportQueryInformation(Context, Oid, Buffer, Length, BytesWritten, BytesNeeded) {
${query}
  const Size = Oid === OID_802_3_CURRENT_ADDRESS || Oid === OID_802_3_PERMANENT_ADDRESS ? 6 : 4
  if (Length < Size) {
    BytesNeeded.value = Size
    return NDIS_STATUS_INVALID_LENGTH
  }
  if (Size === 6) for (let i = 0; i < 6; i++) MmWrite8(Buffer + i, [2, 0, 0x4e, 0x57, 0x42, 1][i])
  else MmWrite32(Buffer, Oid === OID_GEN_MAXIMUM_LOOKAHEAD ? 256 : 0)
  BytesWritten.value = Size
  return NDIS_STATUS_SUCCESS
}
function MiniportSetInformation(Context, Oid, Buffer, Length, BytesRead, BytesNeeded) {
${set}
  BytesRead.value = Length
  return NDIS_STATUS_SUCCESS
}`,
    characteristics:
      'QueryInformationHandler: MiniportQueryInformation,\n    SetInformationHandler: MiniportSetInformation,',
  }
}
