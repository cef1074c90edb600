// Every way out of the script sandbox that was ever found, through the real `nicbench run` (the engine process with
// its realm closed, under the permission model): each value the engine hands a script — the NDIS functions, the
// structure classes and the objects made from them, the Out cells the engine fills, MediumArray, the packet array, the
// resource list, a view of kernel memory, the call-site cell and its buffer, an error the engine throws — is tried with
// the known tricks for reaching the engine's Function constructor, and with it `process`. So are the script's own
// code generators (eval, Function, import(), WebAssembly). Each route must say "blocked"; one that ever said "ESCAPE"
// was a way to run programs as the user.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { ROOT } from '../support/serve'

const REFERENCE = readFileSync(join(ROOT, 'examples', 'reference-miniport.ts'), 'utf8')
const tmp = mkdtempSync(join(tmpdir(), 'nicbench-escapes-'))

/** Tries every trick on `value`; logs "route NAME: blocked" or "route NAME: ESCAPE by TRICK", once per route. */
const PROBE = String.raw`
const Probed = new Set()
function IsHost(P) {
  try { return P !== null && typeof P === 'object' && (typeof P.pid === 'number' || typeof P.mainModule === 'object' || typeof P.binding === 'function') } catch (e) { return false }
}
/** An array, typed array or buffer view whose prototypes are the engine's: they hold what V8 watches, left writable. */
function EngineIntrinsic(V) {
  try {
    if (Array.isArray(V) && Object.getPrototypeOf(V) !== Array.prototype) return 'an array of the engine'
    if (ArrayBuffer.isView(V) && !(V instanceof DataView) && Object.getPrototypeOf(Object.getPrototypeOf(V)) !== Object.getPrototypeOf(Int8Array.prototype)) return 'a typed array of the engine'
  } catch (e) {}
  return null
}
function Probe(Route, Value) {
  if (Probed.has(Route)) return
  Probed.add(Route)
  const Leak = EngineIntrinsic(Value)
  if (Leak) return DbgPrint('route %s: ESCAPE: %s\n', Route, Leak)
  const Tricks = {
    'constructor.constructor': (v) => v.constructor.constructor('return process')(),
    'prototype constructor': (v) => Object.getPrototypeOf(v).constructor.constructor('return process')(),
    '__proto__ chain': (v) => v.__proto__.__proto__.constructor.constructor('return process')(),
    'Reflect.getPrototypeOf': (v) => Reflect.getPrototypeOf(Reflect.getPrototypeOf(v)).constructor.constructor('return process')(),
    'a method of it': (v) => v.toString.constructor('return process')(),
    'call of a method': (v) => v.toString.call.constructor('return process')(),
    'its global this': (v) => v.constructor.constructor('return this')().process,
    'async constructor': (v) => Object.getPrototypeOf(async function () {}).constructor.call(null, 'return process')(),
    'getter of constructor': (v) => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Object.getPrototypeOf(v)) || {}, 'constructor').get.constructor('return process')(),
  }
  let Result = 'blocked'
  for (const Name of Object.keys(Tricks)) {
    let P = null
    try { P = Tricks[Name](Value) } catch (e) { P = null }
    if (IsHost(P)) { Result = 'ESCAPE by ' + Name; break }
  }
  DbgPrint('route %s: %s\n', Route, Result)
}
function ProbeCodeGeneration() {
  const Tries = {
    'eval': () => eval('process'),
    'its own Function': () => Function('return process')(),
    'indirect eval': () => (0, eval)('globalThis.process'),
    'WebAssembly': () => new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])),
    'setTimeout': () => setTimeout(() => {}, 0),
    'require': () => require('node:fs'),
  }
  for (const Name of Object.keys(Tries)) {
    let R = 'blocked'
    try { const P = Tries[Name](); if (IsHost(P) || (Name === 'WebAssembly' && P) || (Name === 'setTimeout' && P) || (Name === 'require' && P)) R = 'ESCAPE' } catch (e) { R = 'blocked' }
    DbgPrint('route %s: %s\n', Name, R)
  }
  try {
    const Loading = import('node:fs')
    ImportState = 'pending'
    Loading.then(() => (ImportState = 'ESCAPE'), () => (ImportState = 'blocked'))
  } catch (e) {
    ImportState = 'blocked'
  }
}
let ImportState = 'not tried'
/** import() is asynchronous: by the time the device interrupts, a module it loaded would be here. */
function ReportImport() {
  if (Probed.has('import()')) return
  Probed.add('import()')
  DbgPrint('route import(): %s\n', ImportState === 'pending' ? 'blocked' : ImportState)
}
`

/** The reference miniport with probes at each place the engine hands it something. */
function routesScript(): string {
  let text = '// @ts-nocheck\n' + REFERENCE + PROBE
  const at = (from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`the reference miniport has no "${from}"`)
    text = text.replace(from, to)
  }
  at(
    '  OpenErrorStatus.value = NDIS_STATUS_SUCCESS\n',
    `  Probe('OpenErrorStatus (an Out cell the engine made)', OpenErrorStatus)
  Probe('SelectedMediumIndex', SelectedMediumIndex)
  Probe('MediumArray', MediumArray)
  Probe('new NDIS_SPIN_LOCK()', new NDIS_SPIN_LOCK())
  Probe('new NDIS_MINIPORT_TIMER()', new NDIS_MINIPORT_TIMER())
  Probe('new NDIS_MINIPORT_INTERRUPT()', new NDIS_MINIPORT_INTERRUPT())
  Probe('new NDIS_EVENT()', new NDIS_EVENT())
  OpenErrorStatus.value = NDIS_STATUS_SUCCESS
`,
  )
  at(
    '  if (StatusCell.value !== NDIS_STATUS_SUCCESS || Resources.value === null) return NDIS_STATUS_ADAPTER_NOT_FOUND\n',
    `  if (StatusCell.value !== NDIS_STATUS_SUCCESS || Resources.value === null) return NDIS_STATUS_ADAPTER_NOT_FOUND
  Probe('the resource list', Resources.value)
  Probe("the resource list's PartialDescriptors", Resources.value.PartialDescriptors)
  Probe('a resource descriptor', Resources.value.PartialDescriptors[0])
`,
  )
  at(
    '  const Causes = ReadReg(A, ICR)\n',
    `  Probe('InterruptRecognized (an Out cell the engine made)', InterruptRecognized)
  Probe('QueueMiniportHandleInterrupt', QueueMiniportHandleInterrupt)
  ReportImport()
  const Causes = ReadReg(A, ICR)
`,
  )
  at('  let Posted = 0\n', `  Probe('PacketArray', PacketArray)\n  let Posted = 0\n`)
  at(
    '  BytesWritten.value = 0\n  BytesNeeded.value = 0\n',
    `  Probe('BytesWritten (an Out cell of an OID request)', BytesWritten)
  Probe('BytesNeeded', BytesNeeded)
  BytesWritten.value = 0
  BytesNeeded.value = 0
`,
  )
  at('  BytesRead.value = 0\n', `  Probe('BytesRead', BytesRead)\n  BytesRead.value = 0\n`)
  at(
    '  const WrapperHandle: Out<NDIS_HANDLE> = { value: NULL }\n',
    `  const WrapperHandle: Out<NDIS_HANDLE> = { value: NULL }
  Probe('DbgPrint', DbgPrint)
  Probe('NdisAllocatePacket', NdisAllocatePacket)
  Probe('NdisMSynchronizeWithInterrupt', NdisMSynchronizeWithInterrupt)
  Probe('the NDIS_SPIN_LOCK class', NDIS_SPIN_LOCK)
  Probe('the call-site cell', __nicbench_site)
  Probe("the call-site cell's buffer", __nicbench_site.buffer)
  const Block = { value: NULL }
  NdisAllocateMemoryWithTag(Block, 64, 0x74736554)
  Probe('MmView (a view of kernel memory)', MmView(Block.value, 16))
  Probe("MmView's buffer", MmView(Block.value, 16).buffer)
  NdisFreeMemory(Block.value, 64, 0)
  Probe('DriverObject', DriverObject)
  Probe('RegistryPath', RegistryPath)
  ProbeCodeGeneration()
`,
  )
  return text
}

/** A script that catches what the engine throws at a bug check and tries the same tricks on it. */
function caughtErrorScript(): string {
  return (
    '// @ts-nocheck\n' +
    PROBE +
    `
export function DriverEntry(DriverObject, RegistryPath) {
  try { MmRead32(0x1234) } catch (Thrown) { Probe('the bug check of a bad read', Thrown) }
  try { NdisReleaseSpinLock(new NDIS_SPIN_LOCK()) } catch (Thrown) { Probe('the bug check of a lock never acquired', Thrown) }
  return NDIS_STATUS_FAILURE
}
`
  )
}

function routesOf(file: string, text: string, extra: string[] = []): Map<string, string> {
  const path = join(tmp, file)
  writeFileSync(path, text)
  const run = runCli(['run', path, '--duration', '5ms', '--quiet', '--report', '-', ...extra])
  expect(run.status, run.stderr).not.toBe(3)
  const report = JSON.parse(run.stdout) as { log: { text: string }[] }
  const routes = new Map<string, string>()
  for (const { text } of report.log) {
    const m = /^route (.+): (blocked|ESCAPE.*)$/.exec(text.trimEnd())
    if (m) routes.set(m[1]!, m[2]!)
  }
  return routes
}

describe('no value the engine hands a script leads out of the sandbox', () => {
  it('every route through the reference miniport is blocked', () => {
    const routes = routesOf('routes.ts', routesScript(), [
      '--scenario',
      join(ROOT, 'examples', 'scenarios', 'sends-over-loopback.json'),
    ])
    const expected = [
      'OpenErrorStatus (an Out cell the engine made)',
      'SelectedMediumIndex',
      'MediumArray',
      'new NDIS_SPIN_LOCK()',
      'new NDIS_MINIPORT_TIMER()',
      'new NDIS_MINIPORT_INTERRUPT()',
      'new NDIS_EVENT()',
      'the resource list',
      "the resource list's PartialDescriptors",
      'a resource descriptor',
      'InterruptRecognized (an Out cell the engine made)',
      'QueueMiniportHandleInterrupt',
      'PacketArray',
      'BytesWritten (an Out cell of an OID request)',
      'BytesNeeded',
      'BytesRead',
      'DbgPrint',
      'NdisAllocatePacket',
      'NdisMSynchronizeWithInterrupt',
      'the NDIS_SPIN_LOCK class',
      'the call-site cell',
      "the call-site cell's buffer",
      'MmView (a view of kernel memory)',
      "MmView's buffer",
      'DriverObject',
      'RegistryPath',
      'eval',
      'its own Function',
      'indirect eval',
      'WebAssembly',
      'setTimeout',
      'require',
      'import()',
    ]
    // Every probe ran (a route that was never tried proves nothing) and none got out.
    expect([...routes.keys()].sort()).toEqual([...expected].sort())
    expect(Object.fromEntries(routes)).toEqual(Object.fromEntries(expected.map((r) => [r, 'blocked'])))
  })

  it('a bug check the script catches is a dead end too', () => {
    const routes = routesOf('caught.js', caughtErrorScript())
    expect(Object.fromEntries(routes)).toEqual({
      'the bug check of a bad read': 'blocked',
      'the bug check of a lock never acquired': 'blocked',
    })
  })
})
