// Type-checking a script reads the script, the SDK and TypeScript's lib files, and nothing else: a script that names
// another file by type-level import or reference path learns neither its text nor its types nor whether it exists.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkScript, typeCheckScript } from '../../../main/script-host/typecheck'
import { checkScriptText } from '../../../main/engine/session-inputs'

const SECRET = 'SECRET-7c1e-not-for-scripts'
const dir = mkdtempSync(join(tmpdir(), 'nicbench-confined-'))
writeFileSync(join(dir, 'hostname'), `${SECRET}\n`)
writeFileSync(join(dir, 'secret.ts'), `export const token = '${SECRET}'\n`)
writeFileSync(join(dir, 'secret.js'), `export const token = '${SECRET}'\n`)
writeFileSync(join(dir, 'globals.d.ts'), `declare const leaked: '${SECRET}'\n`)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ENTRY = 'export function DriverEntry(): NDIS_STATUS { return NDIS_STATUS_SUCCESS }\n'
/** Each would print the secret as a type in its diagnostic if the checker read the file. */
const ATTACKS: Record<string, string> = {
  'import type of a .ts file': `const a: 0 = (null! as typeof import('${dir}/secret')).token\n`,
  'import type of a .js file': `const a: 0 = (null! as typeof import('${dir}/secret.js')).token\n`,
  'import type of a file without extension': `const a: 0 = (null! as typeof import('${dir}/hostname')).token\n`,
  'reference path to a .d.ts': `/// <reference path="${dir}/globals.d.ts" />\nconst a: 0 = leaked\n`,
  'reference path to a file without extension': `/// <reference path="${dir}/hostname" />\nconst a: 0 = 1\n`,
  'import type of /etc/passwd': `const a: 0 = (null! as typeof import('/etc/passwd')).root\n`,
}

describe('checkScript reads no file but the script, the SDK and the TypeScript libs', () => {
  for (const [name, attack] of Object.entries(ATTACKS)) {
    it(`${name}: an error, without the file's contents`, () => {
      const text = attack + ENTRY
      const checked = checkScript(join(dir, 'driver.ts'), text, true)
      const typed = typeCheckScript('/workbench-script/driver.ts', text)
      expect(checked.some((d) => d.severity === 'error')).toBe(true)
      expect(typed.length).toBeGreaterThan(0)
      for (const d of [...checked, ...typed]) expect(d.message).not.toContain(SECRET)
    })
  }

  it("relative paths out of the UI's virtual folder reach nothing either", () => {
    const up = relative('/workbench-script', join(dir, 'secret'))
    const { diagnostics } = checkScriptText(
      'driver.ts',
      `const a: 0 = (null! as typeof import('${up}')).token\n${ENTRY}`,
    )
    expect(diagnostics.length).toBeGreaterThan(0)
    for (const d of diagnostics) expect(d.message).not.toContain(SECRET)
  })

  it('says the same about a file that exists and one that does not', () => {
    const message = (path: string) =>
      checkScript('/w/driver.ts', `type T = typeof import('${path}')\n${ENTRY}`, false)[0]?.message.replace(path, '…')
    expect(message(`${dir}/secret`)).toBe(message(`${dir}/no-such-file`))
    expect(message(`${dir}/secret`)).toMatch(/^Cannot find module '…'/)
  })

  it('still checks a script against the SDK and the ES2022 lib', () => {
    const ok = `const m = new Map<string, number>([['a', 1]])\nexport function DriverEntry(): NDIS_STATUS { return m.size > 0 ? NDIS_STATUS_SUCCESS : NDIS_STATUS_FAILURE }\n`
    expect(checkScript(join(dir, 'driver.ts'), ok, false)).toEqual([])
    const bad = `export function DriverEntry(): NDIS_STATUS { return 'x'.at(0) }\n`
    expect(checkScript(join(dir, 'driver.ts'), bad, false)[0]?.message).toMatch(/not assignable to type 'number'/)
  })
})
