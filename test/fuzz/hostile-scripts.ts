// The hostile-script corpus: the reference miniport with one hostile act added to each copy, so every script still
// loads and runs until its act. `// @ts-nocheck` lets the acts through the type check as a careless author's would.
import { REFERENCE } from './fuzz-run'

export interface HostileScript {
  name: string
  /** Code at the module's top level (runs when the script loads). */
  top?: string
  /** Code at the start of DriverEntry. */
  entry?: string
  /** Replacements in the reference's text (e.g. to make one handler hostile). */
  replace?: [string, string][]
}

/** Where the host's own prototypes are reachable from: the NDIS functions and objects it hands the script. */
const HOST_OBJECT = 'Object.getPrototypeOf(Object.getPrototypeOf(NdisAllocatePacket))'
const HOST_FUNCTION = 'Object.getPrototypeOf(NdisAllocatePacket)'

export const HOSTILE_SCRIPTS: HostileScript[] = [
  {
    name: 'pollutes its own Object, Array and Function prototypes',
    top: `Object.defineProperty(Object.prototype, 'value', { get() { throw new Error('polluted value') }, set(v) {}, configurable: true })
      Object.prototype.Buffer = 'x'; Array.prototype.length2 = 1; Function.prototype.call = function () { throw new Error('call') }`,
    // Its own realm is its own: the run goes on (or stops at the script's line), the host is untouched.
  },
  {
    name: 'pollutes the host Object prototype it reaches through an NDIS function',
    top: `let polluted = false
      try { const P = ${HOST_OBJECT}; P.toJSON = function () { throw new Error('toJSON') }; polluted = true } catch (e) {}
      try { Object.defineProperty(${HOST_OBJECT}, 'then', { get() { throw new Error('then') }, configurable: true }); polluted = true } catch (e) {}
      if (polluted) throw new Error('ESCAPE: changed the host Object prototype')`,
  },
  {
    name: 'pollutes the host Function prototype (call, apply, bind)',
    top: `let polluted = false
      try { const F = ${HOST_FUNCTION}; F.call = function () { throw new Error('call') }; polluted = true } catch (e) {}
      try { ${HOST_FUNCTION}.bind = function () { throw new Error('bind') }; polluted = true } catch (e) {}
      if (polluted) throw new Error('ESCAPE: changed the host Function prototype')`,
  },
  {
    name: 'pollutes the Array prototype behind the MediumArray it is handed, unless it is its own',
    replace: [
      [
        'function MiniportInitialize(',
        // The MediumArray is made in the script's own realm: changing its prototype changes only the script's arrays.
        `function PolluteMedia(MediumArray) { const proto = Object.getPrototypeOf(MediumArray); if (proto === Array.prototype) return
  let polluted = false; try { proto.push = function () { throw new Error('push') }; polluted = true } catch (e) {}
  if (polluted) throw new Error('ESCAPE: changed the host Array prototype') }
function MiniportInitialize(`,
      ],
      [
        '  OpenErrorStatus.value = NDIS_STATUS_SUCCESS',
        '  PolluteMedia(MediumArray)\n  OpenErrorStatus.value = NDIS_STATUS_SUCCESS',
      ],
    ],
  },
  {
    name: 'pollutes the prototype of NDIS_SPIN_LOCK, a structure the host reads',
    top: `let polluted = false
      try { NDIS_SPIN_LOCK.prototype.acquired = true; polluted = true } catch (e) {}
      try { Object.defineProperty(NDIS_SPIN_LOCK.prototype, 'irql', { get() { throw new Error('irql') } }); polluted = true } catch (e) {}
      if (polluted) throw new Error('ESCAPE: changed a host structure prototype')`,
  },
  {
    name: 'reaches the host Function constructor for process',
    entry: `let reach = 'blocked'
      try { reach = typeof NdisAllocatePacket.constructor('return process')() } catch (e) { reach = 'blocked' }
      try { const e = (() => { try { NdisFreePacket(12345) } catch (x) { return x } })(); if (e && e.constructor) reach += '/' + typeof e.constructor.constructor('return process')() } catch (e) { reach += '/blocked' }
      try { const t = new NDIS_SPIN_LOCK(); reach += '/' + typeof t.constructor.constructor('return process')() } catch (e) { reach += '/blocked' }
      if (/object/.test(reach)) throw new Error('ESCAPE: the script reached the host: ' + reach)`,
  },
  {
    name: 'DriverEntry returns an object whose Symbol.toPrimitive throws',
    entry: `return { [Symbol.toPrimitive]() { throw new Error('toPrimitive') } }`,
  },
  { name: 'DriverEntry returns a null-prototype object', entry: 'return Object.create(null)' },
  {
    name: 'DriverEntry returns a revoked Proxy',
    entry: `const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy`,
  },
  {
    name: 'throws an object whose name, message and stack getters throw',
    entry: `const e = new Error('x'); for (const k of ['stack', 'name', 'message']) Object.defineProperty(e, k, { get() { throw new Error(k) } }); throw e`,
  },
  { name: 'throws a null-prototype object', entry: 'throw Object.create(null)' },
  { name: 'throws a revoked Proxy', entry: `const r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy` },
  {
    name: 'throws a Proxy whose every trap throws',
    entry: `throw new Proxy({}, { get() { throw new Error('trap') }, getPrototypeOf() { throw new Error('trap') }, has() { throw new Error('trap') }, getOwnPropertyDescriptor() { throw new Error('trap') }, ownKeys() { throw new Error('trap') } })`,
  },
  { name: 'throws a symbol', entry: `throw Symbol('s')` },
  {
    name: 'replaces Error.prepareStackTrace with one that throws',
    top: `Error.prepareStackTrace = () => { throw new Error('prepare') }`,
    entry: `throw new Error('with a broken stack')`,
  },
  {
    name: 'passes a Proxy whose set trap throws as an Out cell',
    entry: `NdisAllocateMemoryWithTag(new Proxy({ value: 0 }, { set() { throw new Error('set trap') } }), 64, 0)`,
  },
  {
    name: 'passes a frozen Out cell and a revoked Proxy',
    entry: `const r = Proxy.revocable({}, {}); r.revoke(); NdisAllocateMemoryWithTag(Object.freeze({ value: 0 }), 64, 0); NdisAllocateMemoryWithTag(r.proxy, 64, 0)`,
  },
  {
    name: 'recurses deeply through NDIS calls',
    entry: `const f = (n) => { NdisGetCurrentSystemTime({ value: 0 }); return f(n + 1) + 1 }; f(0)`,
  },
  { name: 'recurses deeply in its own code', entry: `const f = (n) => f(n + 1) + 1; f(0)` },
  { name: 'grows a string without end', entry: `let s = 'x'; for (;;) s += s` },
  { name: 'grows an array without end', entry: `const a = []; for (;;) a.push(new Array(1e6).fill(1))` },
  { name: 'DbgPrint with a width of 2^30', entry: `DbgPrint('%*d\\n', 2 ** 30, 1)` },
  { name: 'spins forever while loading', top: 'for (;;) {}' },
  {
    name: 'spins forever in MiniportISR',
    replace: [['  const Causes = ReadReg(A, ICR)', '  for (;;) {}\n  const Causes = ReadReg(A, ICR)']],
  },
  { name: 'floods the microtask queue while loading', top: `const loop = () => Promise.resolve().then(loop); loop()` },
  {
    name: 'freezes the Out cells NDIS hands MiniportISR',
    replace: [
      [
        '  const Causes = ReadReg(A, ICR)',
        '  Object.freeze(InterruptRecognized)\n  Object.freeze(QueueMiniportHandleInterrupt)\n  const Causes = ReadReg(A, ICR)',
      ],
    ],
  },
]

/** The script text of a corpus entry (TypeScript). */
export function hostileScriptText(h: HostileScript): string {
  let text = REFERENCE
  for (const [from, to] of h.replace ?? []) {
    if (!text.includes(from)) throw new Error(`${h.name}: the reference has no "${from}"`)
    text = text.replace(from, to)
  }
  text = text.replace('export function DriverEntry(', 'function ReferenceDriverEntry(')
  return [
    '// @ts-nocheck',
    text,
    h.top ?? '',
    'export function DriverEntry(DriverObject, RegistryPath) {',
    h.entry ?? '',
    '  return ReferenceDriverEntry(DriverObject, RegistryPath)',
    '}',
    '',
  ].join('\n')
}
