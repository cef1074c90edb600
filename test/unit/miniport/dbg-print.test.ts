// DbgPrint's printf conversions (script-api.md): %d %u %x %X %p %s %c %% with widths and flags; a missing argument
// prints as (missing), never throws.
import { describe, expect, it } from 'vitest'
import { formatDbgPrint } from '../../../core/miniport/dbg-print'

describe('DbgPrint formatting', () => {
  it.each([
    ['%d %i', [-5, 7], '-5 7'],
    ['%u', [-1], '4294967295'],
    ['%x %X %08x', [255, 0xabc, 0xbeef], 'ff ABC 0000beef'],
    ['%p', [0x80001000], '80001000'],
    ['%s|%5s|%-5s|%.2s', ['ab', 'cd', 'ef', 'ghij'], 'ab|   cd|ef   |gh'],
    ['%c%c', [72, 'i'], 'Hi'],
    ['100%%', [], '100%'],
    ['%5d|%-5d|%05d', [42, 42, -42], '   42|42   |-0042'],
    ['%lu %08lx %I64d', [3, 0xdead, 9], '3 0000dead 9'],
    ['%#x', [16], '0x10'],
    ['%d %i %u', [0xffffffff, 0x80000000, -1], '-1 -2147483648 4294967295'],
    ['%I64d %lld', [2 ** 32, -(2 ** 33)], '4294967296 -8589934592'],
  ])('%s', (format, args, expected) => {
    expect(formatDbgPrint(format, args)).toBe(expected)
  })

  it('prints (missing) for a conversion without an argument and keeps unknown text', () => {
    expect(formatDbgPrint('%d and %d %q', [1])).toBe('1 and (missing) %q')
  })
})
