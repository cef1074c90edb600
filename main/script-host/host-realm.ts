// The engine worker's own realm, closed to the script it runs. A script reaches the host's realm through every value
// the host hands it (the NDIS functions, NDIS_SPIN_LOCK and the other structures, the arrays and cells passed to its
// handlers, a caught bug check): from a host function, `.constructor` was the host's Function, which compiles code
// with `process` and `require` in reach; from any host object, its prototype chain was the host's Object and Array
// prototypes, where one assignment changes how the workbench itself runs. After `hardenHostRealm()` (once, in an
// engine worker, before the first script loads):
// - the Function constructors are no longer reachable as `.constructor` of any function;
// - the shared intrinsics (Object, Array, Function, Error, Promise, … and their prototypes) are locked, so a script's
//   assignment to them throws in the script; `Error.prepareStackTrace` cannot be set;
// - assigning an inherited name such as `toString` or `name` on an ordinary object still works (the "override
//   mistake" of frozen prototypes is tamed the way SES tames it: accessors that define an own property).
// The script's own realm (its node:vm context) is untouched: it may change its own prototypes at will.
// - a few properties stay as they are: those V8 watches for its fast paths (its "protectors": an array's and typed
//   array's `constructor`, `Symbol.species`, `Symbol.iterator`, an iterator's `next`, a promise's `then`; and all of
//   RegExp.prototype). Redefining one, even to the same value, switches the fast path off for the whole process —
//   locking them all halved the receive path (bench:rx). They are safe to leave because a script never holds an
//   array, typed array, iterator, promise or regular expression of this realm: the run makes every one it hands over
//   in the script's realm (core/kernel/script-realm.ts), and test/security/escape-routes.test.ts proves it per route.

/**
 * Names that ordinary code assigns on instances while a frozen prototype holds the same name. `constructor` only on
 * Object.prototype and the errors' prototypes: an accessor for it on Array.prototype (or Promise's, the typed
 * arrays', RegExp's) would switch off V8's fast paths for map, filter, slice and spread everywhere.
 */
const OVERRIDABLE = ['toString', 'toLocaleString', 'valueOf', 'toJSON']
const OVERRIDABLE_WITH_CONSTRUCTOR = ['constructor', ...OVERRIDABLE]
const OVERRIDABLE_ERROR = ['constructor', 'name', 'message', 'toString']

let hardened = false

/**
 * Object.freeze, except where V8 would lose a fast path. Freezing keeps an object in fast mode and leaves every
 * protector intact (test/security/fast-paths.test.ts), but a frozen Object.prototype or typed array prototype makes
 * every typed-array access of the engine twenty times slower, so those are locked property by property instead (they
 * stay fast: V8 keeps prototypes of live objects fast). Property by property everywhere would turn Math, JSON and the
 * constructors into dictionaries, and the engine would lose the inlining of Math.imul and its kin (3× on the receive
 * path).
 */
function lock(o: object): void {
  const keep = watchedByV8.get(o)
  // Nothing of it may change (RegExp.prototype: V8's fast regular expressions check its shape).
  if (keep && Reflect.ownKeys(o).every((k) => keep.includes(k))) return
  if (!typedArrayChain.has(o)) {
    Object.freeze(o)
    return
  }
  for (const key of Reflect.ownKeys(o)) {
    if (keep?.includes(key)) continue
    const d = Object.getOwnPropertyDescriptor(o, key)!
    if (!d.configurable) continue
    Object.defineProperty(o, key, 'value' in d ? { writable: false, configurable: false } : { configurable: false })
  }
  Object.preventExtensions(o)
}

/** Object.prototype and the typed array prototypes: on the prototype chain of every typed array the engine uses. */
const typedArrayChain = new Set<object>()

/** The properties V8's protectors watch, by the object that holds them (filled by hardenHostRealm). */
const watchedByV8 = new Map<object, PropertyKey[]>()

function watch(o: object, ...keys: PropertyKey[]): void {
  watchedByV8.set(o, [...(watchedByV8.get(o) ?? []), ...keys])
}

function watchProtectedProperties(): void {
  const typedArrays = [
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
  ]
  typedArrayChain.add(Object.prototype).add(Object.getPrototypeOf(Int8Array.prototype) as object)
  for (const T of typedArrays) typedArrayChain.add(T.prototype as object)
  const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]()) as object
  watch(Array.prototype, 'constructor', Symbol.iterator)
  watch(Array, Symbol.species)
  for (const T of typedArrays) watch(T.prototype as object, 'constructor')
  watch(Object.getPrototypeOf(Int8Array) as object, Symbol.species)
  watch(arrayIterator, 'next')
  watch(Object.getPrototypeOf(arrayIterator) as object, Symbol.iterator)
  watch(Promise.prototype, 'constructor', 'then')
  watch(Promise, Symbol.species, 'resolve')
  watch(RegExp.prototype, ...Reflect.ownKeys(RegExp.prototype))
  watch(RegExp, Symbol.species)
  watch(Map.prototype, Symbol.iterator, 'entries', 'set')
  watch(Set.prototype, Symbol.iterator, 'values', 'add')
  watch(Object.getPrototypeOf(new Map()[Symbol.iterator]()) as object, 'next')
  watch(Object.getPrototypeOf(new Set()[Symbol.iterator]()) as object, 'next')
  watch(String.prototype, Symbol.iterator)
  watch(Object.getPrototypeOf(''[Symbol.iterator]()) as object, 'next')
}

function tameOverride(proto: object, key: string): void {
  if (watchedByV8.get(proto)?.includes(key)) return
  const d = Object.getOwnPropertyDescriptor(proto, key)
  if (!d || !('value' in d) || !d.configurable) return
  const value: unknown = d.value
  Object.defineProperty(proto, key, {
    get: () => value,
    set(this: object, next: unknown) {
      if (this === proto) throw new TypeError(`the workbench's ${key} cannot be changed`)
      Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true })
    },
    enumerable: d.enumerable ?? false,
    configurable: false,
  })
}

function lockIntrinsic(value: unknown, seen: Set<object>): void {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return
  seen.add(value)
  const proto = (value as { prototype?: unknown }).prototype
  if (typeof value === 'function' && typeof proto === 'object' && proto !== null && !seen.has(proto)) {
    const names = proto === Object.prototype ? OVERRIDABLE_WITH_CONSTRUCTOR : OVERRIDABLE
    // A string a script holds is a primitive of its own realm; taming String.prototype's names would only turn it
    // into a dictionary, and the engine's string code slower.
    if (proto !== String.prototype) for (const key of names) tameOverride(proto, key)
    seen.add(proto)
    lock(proto)
  }
  lock(value)
}

/** Closes this realm to scripts; idempotent. Call only in a thread that runs scripts and nothing else. */
export function hardenHostRealm(): void {
  if (hardened) return
  hardened = true
  watchProtectedProperties()
  const fnProtos = [
    Function.prototype,
    Object.getPrototypeOf(async function () {}) as object,
    Object.getPrototypeOf(function* () {}) as object,
    Object.getPrototypeOf(async function* () {}) as object,
  ]
  for (const p of fnProtos) delete (p as { constructor?: unknown }).constructor
  Object.defineProperty(Error, 'prepareStackTrace', { value: undefined, writable: false, configurable: false })

  const seen = new Set<object>()
  // Error and its kin stay extensible (Node sets Error.stackTraceLimit while it builds its own errors); their
  // prototypes are frozen.
  const errors = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError]
  for (const E of errors) {
    const proto = E.prototype as object
    for (const key of OVERRIDABLE_ERROR) tameOverride(proto, key)
    seen.add(E)
    seen.add(proto)
    lock(proto)
  }
  const typedArray = Object.getPrototypeOf(Int8Array) as object
  const iterator = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object
  const intrinsics: unknown[] = [
    Object,
    Function,
    Array,
    Promise,
    Map,
    Set,
    WeakMap,
    WeakSet,
    String,
    Number,
    Boolean,
    Symbol,
    BigInt,
    RegExp,
    Date,
    ArrayBuffer,
    SharedArrayBuffer,
    DataView,
    typedArray,
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
    JSON,
    Math,
    Reflect,
    Atomics,
    iterator,
    Object.getPrototypeOf([][Symbol.iterator]()),
    ...fnProtos,
  ]
  for (const value of intrinsics) lockIntrinsic(value, seen)
  for (const p of [iterator, ...fnProtos]) lock(p)
}

/**
 * Locks what the host hands a script by name (the NDIS functions, the structure classes and their prototypes) once
 * the realm is hardened, so a script cannot change what another part of the host reads from them.
 */
export function lockHandedValues(bindings: Readonly<Record<string, unknown>>): void {
  if (!hardened) return
  const seen = new Set<object>()
  for (const value of Object.values(bindings)) lockIntrinsic(value, seen)
}
