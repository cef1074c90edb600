// The script cache of `nicbench run` and `check` (docs/cli.md, "Start-up"): a text that passed before starts without
// the TypeScript compiler, runs exactly as it did, and the cache never lets a changed, broken or tampered text through.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, ROOT } from '../support/serve'

const REFERENCE = join(ROOT, 'examples', 'reference-miniport.ts')

function nicbench(cacheDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NICBENCH_CACHE_DIR: cacheDir, NICBENCH_CACHE: '' },
    timeout: 120_000,
  })
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'nicbench-cache-test-'))
const run = (dir: string, script = REFERENCE) =>
  nicbench(dir, 'run', script, '--duration', '2ms', '--verbose', '--quiet', '--report', '-')
const hashOf = (stdout: string) => (JSON.parse(stdout) as { eventTrace: { hash: string } }).eventTrace.hash

describe('the script cache', () => {
  it('runs a script again without the TypeScript compiler, and the run is the same', () => {
    const dir = freshDir()
    const first = run(dir)
    expect(first.status, first.stderr).toBe(0)
    expect(first.stderr).toContain('TypeScript compiler loaded')
    expect(first.stderr).not.toContain('from the script cache')
    const again = run(dir)
    expect(again.status, again.stderr).toBe(0)
    expect(again.stderr).toContain('(from the script cache); TypeScript compiler not loaded')
    expect(hashOf(again.stdout)).toBe(hashOf(first.stdout))
  })

  it('type-checks a changed text again: a type error after a clean run is still exit 2 at its line', () => {
    const dir = freshDir()
    const work = mkdtempSync(join(tmpdir(), 'nicbench-cache-script-'))
    const script = join(work, 'driver.ts')
    const text = readFileSync(REFERENCE, 'utf8')
    writeFileSync(script, text)
    expect(run(dir, script).status).toBe(0)
    writeFileSync(script, text + '\nconst broken: number = "not a number"\n')
    const broken = run(dir, script)
    expect(broken.status).toBe(2)
    expect(broken.stderr).toMatch(/driver\.ts:\d+:\d+: .*not assignable to type 'number'/)
  })

  it('ignores entries it cannot trust: garbage, or an entry copied under another text', () => {
    const dir = freshDir()
    expect(run(dir).status).toBe(0)
    const [entry] = readdirSync(dir)
    // The same entry under the name of another text's key: its key field no longer matches.
    writeFileSync(join(dir, entry!), readFileSync(join(dir, entry!), 'utf8').replace(/"key":"[0-9a-f]+"/, '"key":"0"'))
    const copied = run(dir)
    expect(copied.status, copied.stderr).toBe(0)
    expect(copied.stderr).not.toContain('from the script cache')
    writeFileSync(join(dir, entry!), '{"format": 1, "code": "process.exit(9)"')
    const garbage = run(dir)
    expect(garbage.status, garbage.stderr).toBe(0)
    expect(garbage.stderr).not.toContain('from the script cache')
    // A good entry was written again.
    expect(run(dir).stderr).toContain('from the script cache')
  })

  it("gives check's lint warnings from the cache as the compiler gave them", () => {
    const dir = freshDir()
    const work = mkdtempSync(join(tmpdir(), 'nicbench-cache-script-'))
    const script = join(work, 'lint.ts')
    writeFileSync(
      script,
      readFileSync(REFERENCE, 'utf8') + '\nfunction unusedHelper(): number {\n  const unused = 1\n  return 2\n}\n',
    )
    // A run does not lint, so its entry does not answer check.
    expect(run(dir, script).status).toBe(0)
    const first = nicbench(dir, 'check', script, '--verbose')
    expect(first.status, first.stderr).toBe(0)
    expect(first.stderr).toContain('TypeScript compiler loaded')
    expect(first.stdout).toMatch(/warning: .*'unused(Helper)?' is declared but/)
    const again = nicbench(dir, 'check', script, '--verbose')
    expect(again.stderr).toContain('TypeScript compiler not loaded')
    expect(again.stdout).toBe(first.stdout)
  })

  it('writes nothing when turned off', () => {
    const dir = freshDir()
    const off = spawnSync(process.execPath, [CLI, 'run', REFERENCE, '--duration', '1ms', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NICBENCH_CACHE_DIR: dir, NICBENCH_CACHE: 'off' },
    })
    expect(off.status, off.stderr).toBe(0)
    expect(readdirSync(dir)).toEqual([])
  })
})
