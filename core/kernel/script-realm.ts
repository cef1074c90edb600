// The constructors of the script's own realm. Every array and typed array the engine hands a script (the arrays its
// handlers receive, views of kernel memory, the call-site cell) is made with these, so its prototype chain is the
// script's and never the engine's: the engine process leaves the few properties V8's fast paths watch (an array's
// `constructor`, `Symbol.iterator`, `Symbol.species`, an iterator's `next`) writable in its own realm, because locking
// them halves the engine's speed, and a script must therefore never reach the prototypes that hold them
// (ARCHITECTURE.md, the realm; main/script-host/host-realm.ts).
export interface ScriptRealm {
  readonly Array: ArrayConstructor
  readonly Uint8Array: Uint8ArrayConstructor
  readonly Int32Array: Int32ArrayConstructor
}

/** The engine's own constructors: for runs without a script sandbox (unit tests, benchmarks of core alone). */
export const OWN_REALM: ScriptRealm = { Array, Uint8Array, Int32Array }

/** An array of `n` zeros in the script's realm. */
export function realmArray(realm: ScriptRealm, n: number): number[] {
  return new realm.Array<number>(n).fill(0)
}

/** `items` copied into an array of the script's realm. */
export function realmCopy<T>(realm: ScriptRealm, items: readonly T[]): T[] {
  return realm.Array.from(items)
}
