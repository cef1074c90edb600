// Reading and writing a script's values without running any of its code and without a host exception: a script may
// pass a null-prototype object, a Proxy (revoked, or with traps that throw), an object whose Symbol.toPrimitive,
// valueOf or toString throws, a frozen or sealed Out cell. The workbench only ever needs a number or a message text
// from such a value, so it never converts objects (which would call into the script).
import { BugCheck } from './bugcheck'
import { valueText } from './value-text'

/** A script value as a number: primitives convert as JavaScript converts them; objects and symbols are NaN. */
export function scriptNumber(value: unknown): number {
  switch (typeof value) {
    case 'number':
      return value
    case 'boolean':
    case 'string':
    case 'bigint':
      return Number(value)
    default:
      return NaN
  }
}

/** A script value as a 32-bit unsigned C value: `scriptNumber` wrapped as C converts it (NaN is 0). */
export function scriptUlong(value: unknown): number {
  return scriptNumber(value) >>> 0
}

/** Text of a script value for a message: primitives as they read, objects by kind; never throws or runs script code. */
export const scriptValueText = valueText

/**
 * `String(value)` as a script expects it (its own toString for its objects), or `scriptValueText` where String
 * cannot convert it (a null-prototype object, a revoked Proxy, a toString that returns an object).
 */
export function scriptString(value: unknown): string {
  try {
    return String(value)
  } catch (error) {
    if (isHostFault(error)) return scriptValueText(value)
    throw error
  }
}

/**
 * Sets `cell.value` (an Out cell, script-api.md). False when the cell cannot take it: frozen, sealed, a revoked
 * Proxy. A setter or Proxy trap of the script that throws is the script's own exception and propagates, as does a
 * bug check raised inside it.
 */
export function writeOutCell(cell: object, value: unknown): boolean {
  try {
    ;(cell as { value: unknown }).value = value
    return true
  } catch (error) {
    if (isHostFault(error)) return false
    throw error
  }
}

/**
 * `value instanceof type` for a script value; false (not an exception) for a revoked Proxy. A Proxy trap of the
 * script that throws propagates as the script's exception.
 */
export function isScriptInstance<T>(value: unknown, type: abstract new (...args: never[]) => T): value is T {
  try {
    return value instanceof type
  } catch (error) {
    if (isHostFault(error)) return false
    throw error
  }
}

/** An exception the host's realm raised about the value (not the script's own, not a bug check). */
function isHostFault(error: unknown): boolean {
  return error instanceof Error && !(error instanceof BugCheck)
}

/**
 * `cell.value` of an Out cell NDIS handed the script, read without running script code: a data property's value, or
 * `undefined` when the script made `value` an accessor (a getter would be its code).
 */
export function readOutCell(cell: object): unknown {
  const d = Object.getOwnPropertyDescriptor(cell, 'value')
  return d !== undefined && 'value' in d ? d.value : undefined
}
