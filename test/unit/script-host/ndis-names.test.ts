// Every function of the NDIS 5.1 miniport ndis.h is declared (test/fixtures/ndis/ndis51-miniport-names.txt, with its
// sources), so a ported driver type-checks; one the workbench does not emulate yet stops the run with R38
// "not emulated: X" at the calling line, from a TypeScript and a JavaScript script alike (never a ReferenceError).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BugCheck } from '../../../core/verifier/bugcheck'
import { declaredNames } from '../../../main/script-host/sdk'
import { startRun } from '../../support/real-run'
import { miniport } from '../verifier/rules/script-case'

const NAMES = readFileSync(join(__dirname, '../../fixtures/ndis/ndis51-miniport-names.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'))

describe('the NDIS 5.1 miniport ndis.h in a script', () => {
  it('declares every function and macro of the list', () => {
    expect(NAMES.length).toBeGreaterThan(250)
    const declared = new Set(declaredNames().functions)
    expect(NAMES.filter((n) => !declared.has(n))).toEqual([])
  })

  it('sends hovers only to the documentation a user has (docs/)', () => {
    const sdk = readFileSync(join(__dirname, '../../../sdk/ndis.d.ts'), 'utf8')
    const comments = [...sdk.matchAll(/\/\/.*|\/\*[\s\S]*?\*\//g)].map((m) => m[0])
    const cited = comments.flatMap((c) => [...c.matchAll(/[\w./-]+\.md\b/g)].map((m) => m[0]))
    expect(cited.length).toBeGreaterThan(10)
    expect(cited.filter((c) => !/^docs\/[\w-]+\.md$/.test(c))).toEqual([])
  })

  it('provides every one: emulated, or a stub that stops with "not emulated: X"', () => {
    const run = startRun()
    const stopped: string[] = []
    for (const name of NAMES) {
      const fn = run.scope[name]
      expect(typeof fn, name).toBe('function')
      const stub = String(fn).includes('notEmulated')
      if (!stub) continue
      let error: unknown = null
      try {
        ;(fn as () => unknown)()
      } catch (e) {
        error = e
      }
      expect(error, name).toBeInstanceOf(BugCheck)
      expect((error as BugCheck).message).toContain(`not emulated: ${name}`)
      stopped.push(name)
    }
    expect(stopped.length).toBeGreaterThan(50)
  })

  for (const file of ['driver.ts', 'driver.js']) {
    it(`stops a ${file.endsWith('.js') ? 'JavaScript' : 'TypeScript'} script at the line that calls one`, () => {
      const script = miniport({ init: '  NdisMapFile(NULL, NULL, NULL) // HERE' })
      const run = startRun(script, { file, verifier: 'standard' })
      const f = run.kernel.verifier.findings.find((x) => x.rule === 'R38')
      expect(f?.message).toBe('not emulated: NdisMapFile')
      const line = script.split('\n').findIndex((l) => l.includes('// HERE')) + 1
      expect(run.sites.location(f!.site)).toMatchObject({ file, line })
    })
  }
})
