// The repository is self-contained: a clone of it in an empty folder, with nothing beside it, builds on its first
// `nicbench` run, checks the reference miniport, replays an example capture, and passes the tests that read the
// sample captures. The clone gets this checkout's node_modules by a symlink (the same package-lock.json, so the same
// packages `npm ci` would install there); everything else it uses is its own.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCapture } from '../../core/capture'
import { ROOT } from '../support/serve'

const git = (args: string[], cwd = ROOT) => spawnSync('git', args, { cwd, encoding: 'utf8' })
const inGit = git(['rev-parse', '--is-inside-work-tree']).stdout.trim() === 'true'

describe.skipIf(!inGit)('a fresh clone with nothing beside it', () => {
  let folder = ''
  let clone = ''
  // This run's own test-runner variables stay out of the clone's processes.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')))
  const inClone = (args: string[]): SpawnSyncReturns<string> =>
    spawnSync(process.execPath, args, { cwd: clone, env, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 << 20 })

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'nicwb-clone-'))
    clone = join(folder, 'nic-workbench')
    const cloned = git(['clone', '--quiet', ROOT, clone])
    expect(cloned.status, cloned.stderr).toBe(0)
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir')
  }, 120_000)
  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  it('is the committed tree alone: no ../shared, no build, the same lock file as this checkout', () => {
    expect(readdirSync(folder)).toEqual(['nic-workbench'])
    expect(existsSync(join(clone, '..', 'shared'))).toBe(false)
    expect(existsSync(join(clone, 'out'))).toBe(false)
    expect(readFileSync(join(clone, 'package-lock.json'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'package-lock.json'), 'utf8'),
    )
  })

  it('nicbench check: bundles the CLI once (no app build), then checks the reference miniport against the clone’s SDK', () => {
    const check = inClone(['bin/nicbench.js', 'check', 'examples/reference-miniport.ts'])
    expect(check.status, check.stderr).toBe(0)
    expect(check.stdout).toMatch(/^examples\/reference-miniport\.ts: no problems \(\d+ NDIS call sites/)
    expect(existsSync(join(clone, 'out', 'cli', 'nicbench.js'))).toBe(true)
    // The CLI does not need the Electron app or the UI built.
    expect(existsSync(join(clone, 'out', 'main'))).toBe(false)
    expect(existsSync(join(clone, 'out', 'renderer'))).toBe(false)
  }, 240_000)

  it('nicbench run replays the example capture from the clone’s own examples/captures', () => {
    const args = [
      'bin/nicbench.js',
      'run',
      'examples/reference-miniport.ts',
      '--scenario',
      'examples/scenarios/replay-dns.json',
      '--report',
      '-',
      '--quiet',
    ]
    const run = inClone(args)
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout)
    const scenario = JSON.parse(readFileSync(join(clone, 'examples', 'scenarios', 'replay-dns.json'), 'utf8'))
    const capture = join(clone, 'examples', 'captures', 'dns_udp.pcap')
    const frames = readCapture(readFileSync(capture), capture).frames.length
    expect(frames).toBeGreaterThan(0)
    expect(report.findings).toEqual([])
    expect(report.nic.rxFrames).toBe(frames * scenario.wire.loops)

    // The capture it played is the clone's: without it the same run is refused, naming the path inside the clone.
    renameSync(capture, capture + '.away')
    try {
      const refused = inClone(args)
      expect(refused.status).toBe(2)
      expect(refused.stderr).toContain(`cannot read the capture ${capture}: ENOENT`)
    } finally {
      renameSync(capture + '.away', capture)
    }
  }, 120_000)

  it('the tests that read the sample captures pass in the clone', () => {
    const vitest = inClone([
      'node_modules/vitest/vitest.mjs',
      'run',
      'test/unit/wire/replay-loopback.test.ts',
      'test/integration/reference-scenarios.test.ts',
    ])
    expect(vitest.status, vitest.stdout + vitest.stderr).toBe(0)
    expect(vitest.stdout).toMatch(/Test Files\s+.*2 passed/)
  }, 240_000)
})
