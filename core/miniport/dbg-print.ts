// DbgPrint's printf conversions (script-api.md): %d %i %u %x %X %p %s %c %% with flags (- 0 + space #), widths,
// precisions and the l/ll/h/I64 length modifiers C code carries (%lu, %08lx, %I64d). Each argument is formatted as C
// formats its 32-bit value for the conversion: %d signed (4294967295 prints -1), %u and %x unsigned.
// A conversion with no argument prints as `(missing)` rather than throwing.
import { scriptNumber, scriptString } from '../verifier/script-value'

/** One DbgPrint call transmits at most 512 bytes (WDK, DbgPrint remarks): no conversion is padded wider. */
const MAX_OUTPUT = 512

const CONVERSION = /%([-0+ #]*)(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|I64|I32|z|w)?([diuxXpscS%])/g

function pad(text: string, width: number, left: boolean, zero: boolean): string {
  if (text.length >= width) return text
  if (left) return text + ' '.repeat(width - text.length)
  if (zero) {
    const sign = text[0] === '-' || text[0] === '+' || text[0] === ' ' ? text[0] : ''
    const digits = sign ? text.slice(1) : text
    const prefix = /^0[xX]/.test(digits) ? digits.slice(0, 2) : ''
    const rest = prefix ? digits.slice(2) : digits
    return sign + prefix + '0'.repeat(width - text.length) + rest
  }
  return ' '.repeat(width - text.length) + text
}

/** The 64-bit length modifiers: the argument is a LONGLONG, not an int. */
function wide(len: string | undefined): boolean {
  return len === 'll' || len === 'I64'
}

function toInt(value: unknown): number {
  const n = scriptNumber(value)
  return Number.isFinite(n) ? Math.trunc(n) : 0
}

export function formatDbgPrint(format: unknown, args: readonly unknown[]): string {
  const text = typeof format === 'string' ? format : scriptString(format)
  let next = 0
  const take = (): unknown => (next < args.length ? args[next++] : undefined)
  return text.replace(
    CONVERSION,
    (_all, flags: string, widthSpec?: string, precisionSpec?: string, len?: string, conv?: string) => {
      if (conv === '%') return '%'
      const width = Math.min(MAX_OUTPUT, widthSpec === '*' ? toInt(take()) : widthSpec ? Number(widthSpec) : 0)
      const precision = Math.min(
        MAX_OUTPUT,
        precisionSpec === '*' ? toInt(take()) : precisionSpec !== undefined ? Number(precisionSpec) : -1,
      )
      const left = flags.includes('-')
      const zero = flags.includes('0') && !left && precision < 0
      if (next >= args.length) return '(missing)'
      const value = take()
      let out: string
      switch (conv) {
        case 'd':
        case 'i': {
          // A 32-bit argument reads as C's int (0xFFFFFFFF prints -1); %lld / %I64d keep the whole value.
          const n = wide(len) ? toInt(value) : toInt(value) | 0
          out = Math.abs(n).toString()
          if (precision >= 0) out = out.padStart(precision, '0')
          out = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + out
          break
        }
        case 'u':
          out = (toInt(value) >>> 0).toString()
          if (precision >= 0) out = out.padStart(precision, '0')
          break
        case 'x':
        case 'X': {
          out = (toInt(value) >>> 0).toString(16)
          if (precision >= 0) out = out.padStart(precision, '0')
          if (flags.includes('#') && toInt(value) !== 0) out = '0x' + out
          if (conv === 'X') out = out.toUpperCase()
          break
        }
        case 'p':
          // Windows prints pointers as 8 upper-case hex digits on a 32-bit kernel.
          out = (toInt(value) >>> 0).toString(16).toUpperCase().padStart(8, '0')
          break
        case 'c':
          out = typeof value === 'string' ? value.slice(0, 1) : String.fromCharCode(toInt(value) & 0xffff)
          break
        default: {
          out = value === null || value === undefined ? '(null)' : scriptString(value)
          if (precision >= 0) out = out.slice(0, precision)
        }
      }
      return pad(out, width, left, zero && conv !== 's' && conv !== 'c' && conv !== 'S')
    },
  )
}
