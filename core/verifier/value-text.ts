// Text of a value a script passed, for a finding's message. Never throws and never runs script code: a Proxy, an
// object without a prototype, a Symbol or an object with a throwing `toString` reads as its kind, not as a host error.

export function valueText(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) && value >= 0x10000
        ? '0x' + (value >>> 0).toString(16).toUpperCase()
        : String(value)
    case 'string':
      return JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value)
    case 'boolean':
    case 'undefined':
    case 'bigint':
      return String(value) + (typeof value === 'bigint' ? 'n' : '')
    case 'symbol':
      // String() of a symbol runs no script code.
      return String(value)
    case 'function':
      return 'a function'
    default:
      // Not Array.isArray: it throws for a revoked Proxy.
      return value === null ? 'null' : 'an object'
  }
}
