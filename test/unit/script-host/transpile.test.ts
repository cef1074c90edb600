// The script host's transpiler and sandbox: call-site ids that name the line of each NDIS call (after its arguments
// are evaluated), function and loop entries; located diagnostics; a sandbox with no require, process, timers or eval;
// the script's own source-mapped stack.
import { describe, expect, it } from 'vitest'
import { loadScript } from '../../../main/script-host/sandbox'
import { formatScriptError, scriptFrames } from '../../../main/script-host/stack'
import { transpileScript } from '../../../main/script-host/transpile'

const API = new Set(['Probe', 'Other'])

describe('transpileScript', () => {
  it('records the line of the call, even when an argument calls other API functions', () => {
    const t = transpileScript(
      'driver.ts',
      [
        'function Inner(): number {',
        '  return Other()',
        '}',
        'export function Outer(): void {',
        '  Probe(Inner())',
        '}',
      ].join('\n'),
      API,
    )
    expect(t.diagnostics).toEqual([])
    const seen: number[] = []
    const cell = new Int32Array(1)
    const { exports } = loadScript(t, { Probe: () => seen.push(cell[0]!), Other: () => 0 }, cell)
    ;(exports['Outer'] as () => void)()
    expect(t.sites[seen[0]! - 1]).toEqual({ line: 5, column: 3 })
  })

  it('marks loop bodies, so a spinning loop names its line', () => {
    const t = transpileScript(
      'spin.ts',
      'export function Spin(n: number): void {\n  while (n-- > 0) {\n    n = n\n  }\n}\n',
      API,
    )
    const cell = new Int32Array(1)
    const { exports } = loadScript(t, {}, cell)
    ;(exports['Spin'] as (n: number) => void)(3)
    expect(t.sites[cell[0]! - 1]).toEqual({ line: 2, column: 3 })
  })

  it('reports syntax errors and imports with file, line and column', () => {
    expect(
      transpileScript('bad.ts', 'export function F(): void {\n  let x = (1\n}\n', API).diagnostics[0],
    ).toMatchObject({
      file: 'bad.ts',
      line: 3,
      column: 1,
      message: "')' expected.",
    })
    expect(transpileScript('imp.ts', "import fs from 'fs'\n", API).diagnostics).toEqual([
      {
        file: 'imp.ts',
        line: 1,
        column: 1,
        message: 'a miniport script cannot import modules: every NDIS name is already in scope',
      },
    ])
  })
})

describe('the sandbox', () => {
  it('has no require, process, timers or code generation from strings', () => {
    const t = transpileScript(
      'escape.ts',
      [
        'export function Probe(): string[] {',
        '  const g = globalThis as any',
        '  return [typeof g.require, typeof g.process, typeof g.setTimeout, typeof g.fetch]',
        '}',
        'export function Evil(): unknown {',
        "  return eval('1 + 1')",
        '}',
      ].join('\n'),
      API,
    )
    const { exports } = loadScript(t, {}, new Int32Array(1))
    expect((exports['Probe'] as () => string[])()).toEqual(['undefined', 'undefined', 'undefined', 'undefined'])
    expect(() => (exports['Evil'] as () => unknown)()).toThrow(/Code generation from strings disallowed/)
  })

  it("maps an exception to the script's own lines", () => {
    const t = transpileScript(
      'throws.ts',
      [
        'interface Unused { a: number }',
        '',
        'export function Check(n: number): void {',
        '  if (n > 1) throw new Error(`bad ${n}`)',
        '}',
      ].join('\n'),
      API,
    )
    const { exports } = loadScript(t, {}, new Int32Array(1))
    let caught: unknown
    try {
      ;(exports['Check'] as (n: number) => void)(2)
    } catch (e) {
      caught = e
    }
    expect(scriptFrames(caught, t)[0]).toEqual({ function: 'Check', file: 'throws.ts', line: 4, column: 20 })
    expect(formatScriptError(caught, t).split('\n')[0]).toBe('Error: bad 2')
  })
})
