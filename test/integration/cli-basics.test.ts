// The real nicbench CLI as a child process: version, help, exit codes for bad input (cli.md).
import { RULES } from '../../core/verifier/catalogue'
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLI, ROOT } from '../support/serve'

function nicbench(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' })
}

describe('nicbench', () => {
  it('prints the version of package.json', () => {
    const run = nicbench('--version')
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(run.status).toBe(0)
    expect(run.stdout.trim()).toBe(version)
  })

  it("finds electron-vite's command line, which the launchers run to build on a fresh checkout", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const electronVitePath = require(join(ROOT, 'bin', 'electron-vite-path.js')) as () => string
    const run = spawnSync(process.execPath, [electronVitePath(), '--version'], { cwd: ROOT, encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/\d+\.\d+\.\d+/)
  })

  it('prints help with examples', () => {
    const run = nicbench('--help')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Usage: nicbench')
    expect(run.stdout).toContain('serve')
    expect(run.stdout).toContain('Examples:')
  })

  it('check passes a clean script and lists lint warnings without failing', () => {
    const clean = nicbench('check', join(ROOT, 'examples', 'reference-miniport.ts'))
    expect(clean.status).toBe(0)
    expect(clean.stdout).toMatch(/reference-miniport\.ts: no problems \(\d+ NDIS call sites/)
    const lint = nicbench('check', join(ROOT, 'test', 'fixtures', 'scripts', 'lint-warnings.ts'))
    expect(lint.status).toBe(0)
    expect(lint.stdout).toContain("lint-warnings.ts:2:9: warning: 'Unused' is declared but its value is never read.")
    expect(lint.stdout).toContain('lint-warnings.ts:4:3: warning: Unreachable code detected.')
    const typeError = nicbench('check', join(ROOT, 'test', 'fixtures', 'scripts', 'type-error.ts'))
    expect(typeError.status).toBe(2)
  })

  it('rules lists the catalogue, as text and as JSON', () => {
    const text = nicbench('rules')
    expect(text.status).toBe(0)
    expect(text.stdout).toMatch(/^R5 +0x7C +error +Freeing a packet that is not allocated/m)
    expect(text.stdout).toMatch(/^R21 +0x7C +error +.*\(also with the verifier off\)$/m)
    const json = JSON.parse(nicbench('rules', '--json').stdout) as { id: string; forms: unknown[] }[]
    expect(json.map((r) => r.id)).toEqual(RULES.map((r) => r.id))
    expect(json.every((r) => r.forms.length > 0)).toBe(true)
  })

  it('exits 2 with one line on an unknown command or option', () => {
    const unknownCommand = nicbench('frobnicate')
    expect(unknownCommand.status).toBe(2)
    expect(unknownCommand.stderr).toContain("unknown command 'frobnicate'")
    const badPort = nicbench('serve', '--port', 'seventy')
    expect(badPort.status).toBe(2)
    expect(badPort.stderr).toContain('a port is an integer 0–65535')
  })
})
