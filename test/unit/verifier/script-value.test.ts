// A script's values are read without running its code and without a host exception (core/kernel/script-value.ts).
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { BugCheck } from '../../../core/verifier/bugcheck'
import {
  isScriptInstance,
  scriptNumber,
  scriptString,
  scriptUlong,
  scriptValueText,
  writeOutCell,
} from '../../../core/verifier/script-value'

const inScript = <T>(code: string): T => vm.runInContext(code, vm.createContext(Object.create(null) as object)) as T
const revoked = () => inScript<object>('(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy })()')

describe('script values', () => {
  it('numbers: primitives convert, objects are NaN without calling them', () => {
    let called = false
    const tricky = { [Symbol.toPrimitive]: () => ((called = true), 5) }
    expect([scriptNumber(3), scriptNumber('7'), scriptNumber(true), scriptNumber(5n)]).toEqual([3, 7, 1, 5])
    expect(scriptNumber(tricky)).toBeNaN()
    expect(scriptNumber(Object.create(null))).toBeNaN()
    expect(scriptNumber(revoked())).toBeNaN()
    expect(scriptNumber(Symbol('s'))).toBeNaN()
    expect(called).toBe(false)
    expect([scriptUlong(-1), scriptUlong(2 ** 32 + 3), scriptUlong({}), scriptUlong(NaN)]).toEqual([
      0xffffffff, 3, 0, 0,
    ])
  })

  it('text for messages: never throws, never runs script code', () => {
    expect(scriptValueText(Object.create(null))).toBe('an object')
    expect(scriptValueText(revoked())).toBe('an object')
    expect(scriptValueText(() => 0)).toBe('a function')
    expect(scriptValueText(Symbol('s'))).toBe('Symbol(s)')
    expect(scriptValueText(10n)).toBe('10n')
    expect(scriptValueText(0x80001000)).toBe('0x80001000')
    expect(scriptValueText('x'.repeat(100))).toBe(JSON.stringify('x'.repeat(37) + '...'))
    expect(scriptString({ toString: () => 'mine' })).toBe('mine')
    expect(scriptString(Object.create(null))).toBe('an object')
  })

  it('Out cells: frozen, sealed and revoked cells are refused; a throwing setter is the script’s exception', () => {
    const cell = { value: 0 }
    expect(writeOutCell(cell, 5)).toBe(true)
    expect(cell.value).toBe(5)
    expect(writeOutCell(Object.freeze({ value: 0 }), 1)).toBe(false)
    expect(writeOutCell(Object.seal({}), 1)).toBe(false)
    expect(writeOutCell(revoked(), 1)).toBe(false)
    const throwing = inScript<object>(`({ set value(v) { throw new Error('mine') } })`)
    expect(() => writeOutCell(throwing, 1)).toThrow('mine')
    const bugChecking = {
      set value(_v: unknown) {
        throw new BugCheck(0xc4, [0, 0, 0, 0], 'stop', 0, 'R5')
      },
    }
    expect(() => writeOutCell(bugChecking, 1)).toThrow(BugCheck)
  })

  it('instanceof: a revoked Proxy is not an instance; a throwing trap is the script’s exception', () => {
    expect(isScriptInstance(new Error('x'), Error)).toBe(true)
    expect(isScriptInstance(revoked(), Error)).toBe(false)
    const trap = inScript<object>(`new Proxy({}, { getPrototypeOf() { throw new Error('trap') } })`)
    expect(() => isScriptInstance(trap, Error)).toThrow('trap')
  })
})
