// Whatever a script throws is reported (name, message, stack) without a host exception and without running its code.
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { formatScriptError, thrownText } from '../../../main/script-host/stack'
import { transpileScript } from '../../../main/script-host/transpile'

const inScript = (code: string): unknown => vm.runInContext(code, vm.createContext(Object.create(null) as object))
const script = transpileScript('driver.ts', 'export function DriverEntry() { return 0 }\n', new Set())

describe('thrown values', () => {
  const cases: [string, string][] = [
    [
      'an Error whose name, message and stack getters throw',
      `(() => { const e = new Error('x'); for (const k of ['stack', 'name', 'message']) Object.defineProperty(e, k, { get() { throw new Error(k) } }); return e })()`,
    ],
    ['a null-prototype object', 'Object.create(null)'],
    ['a revoked Proxy', '(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy })()'],
    [
      'a Proxy whose traps throw',
      `new Proxy({}, { get() { throw new Error('t') }, getOwnPropertyDescriptor() { throw new Error('t') }, getPrototypeOf() { throw new Error('t') } })`,
    ],
    ['a symbol', `Symbol('s')`],
    ['an object whose toString loops', `({ toString() { for (;;) {} } })`],
  ]
  for (const [name, code] of cases) {
    it(`${name}: a text, no exception`, () => {
      const thrown = inScript(code)
      expect(() => formatScriptError(thrown, script)).not.toThrow()
      expect(typeof formatScriptError(thrown, script)).toBe('string')
    })
  }

  it('reads an ordinary error as the user wrote it, and getters the script wrote are not called', () => {
    expect(thrownText(inScript(`new RangeError('too many')`), 'message')).toBe('too many')
    expect(formatScriptError(inScript(`new RangeError('too many')`), script)).toBe('RangeError: too many')
    let called = 0
    const probe = {
      get message() {
        return String(++called)
      },
    }
    expect(thrownText(probe, 'message')).toBeUndefined()
    expect(called).toBe(0)
  })
})
