// The engine process and its supervisor through the real `nicbench run`: script code that never returns is a
// DPC_WATCHDOG_VIOLATION at its line however it tries to look busy (writing over its call-site cell's buffer, a loop
// that keeps calling the library, a blocking Atomics.wait at top level); an engine that dies of its heap limit or is
// killed from outside still gives a report and exit 1, and the host is unharmed.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { CLI, ROOT } from '../support/serve'

const SCRIPTS = join(ROOT, 'test', 'fixtures', 'scripts')
const REFERENCE = readFileSync(join(ROOT, 'examples', 'reference-miniport.ts'), 'utf8')
const tmp = mkdtempSync(join(tmpdir(), 'nicbench-engine-'))

function reportOf(args: string[]) {
  const run = runCli(['run', ...args, '--report', '-', '--quiet'])
  return { run, report: run.stdout ? JSON.parse(run.stdout) : null }
}

/** The reference miniport with `statement` as the first statement of MiniportHandleInterrupt, and that line. */
function referenceWithDpc(name: string, statement: string): { path: string; line: number } {
  const dpc = REFERENCE.indexOf('function MiniportHandleInterrupt')
  const body = REFERENCE.indexOf('{', dpc) + 1
  const path = join(tmp, name)
  writeFileSync(path, REFERENCE.slice(0, body) + '\n  ' + statement + '\n' + REFERENCE.slice(body))
  return { path, line: REFERENCE.slice(0, body).split('\n').length + 1 }
}

describe('the watchdog cannot be talked out of a hang', () => {
  it('stops a handler that writes over everything its call-site cell reaches', () => {
    const { run, report } = reportOf([join(SCRIPTS, 'forges-site-cell.js'), '--watchdog', '1000'])
    expect(run.status).toBe(1)
    expect(report.stopReason).toBe('watchdog')
    expect(report.bugcheck).toMatchObject({ code: '0x133', name: 'DPC_WATCHDOG_VIOLATION' })
    expect(report.bugcheck.message).toBe('MiniportInitialize did not return: stopped after 1000 ms of wall-clock time')
    // Inside the loop (lines 7–9): each statement that reads a property marks its own line.
    expect(report.bugcheck.at.file).toBe('forges-site-cell.js')
    expect(report.bugcheck.at.line).toBeGreaterThanOrEqual(7)
    expect(report.bugcheck.at.line).toBeLessThanOrEqual(9)
  })

  it.each([
    ['NdisMSynchronizeWithInterrupt', 'for (;;) NdisMSynchronizeWithInterrupt(A.Interrupt, TakePendingCauses, A)'],
    ['NdisStallExecution', 'for (;;) NdisStallExecution(1)'],
  ])('stops a DPC that keeps calling %s, at the loop', (name, statement) => {
    const { path, line } = referenceWithDpc(`calls-${name}.ts`, statement)
    const { run, report } = reportOf([path, '--watchdog', '1000'])
    expect(run.status).toBe(1)
    expect(report.stopReason).toBe('watchdog')
    expect(report.bugcheck.message).toBe(
      'MiniportHandleInterrupt did not return: stopped after 1000 ms of wall-clock time',
    )
    expect(report.bugcheck.at).toMatchObject({ file: `calls-${name}.ts`, line })
  })

  it('stops top-level code that blocks in Atomics.wait before DriverEntry', () => {
    const { run, report } = reportOf([join(SCRIPTS, 'waits-at-top-level.js'), '--watchdog', '1000'])
    expect(run.status).toBe(1)
    expect(report.stopReason).toBe('watchdog')
    expect(report.bugcheck.message).toBe(
      "the script's top-level code did not finish: stopped after 1000 ms of wall-clock time",
    )
  })
})

describe('the engine process under the permission model', () => {
  it('lets a script that leaves its sandbox neither start a program, nor write, nor read outside the bundle', () => {
    const target = mkdtempSync(join(tmp, 'escape-'))
    const script = join(tmp, 'tries-the-host.js')
    const text = readFileSync(join(SCRIPTS, 'tries-the-host.js'), 'utf8')
    writeFileSync(script, text.replace("'/nonexistent/nicbench-escape'", JSON.stringify(target)))
    const { run, report } = reportOf([script, '--duration', '1ms'])
    expect(run.status).toBe(0)
    const outcome = (what: string) =>
      (report.log as { text: string }[]).find((l) => l.text.startsWith(`${what}: `))?.text.slice(what.length + 2)
    for (const what of ['spawn', 'write', 'read']) {
      expect(['ERR_ACCESS_DENIED', 'no way out of the sandbox']).toContain(outcome(what))
    }
    expect(readdirSync(target)).toEqual([])
  })
})

describe('an engine process that dies is a reported stop', () => {
  it('reports one huge allocation in MiniportInitialize as out of memory, exit 1', () => {
    const { run, report } = reportOf([
      join(SCRIPTS, 'allocates-huge-array.js'),
      '--memory',
      '64',
      '--watchdog',
      '60000',
    ])
    expect(run.status).toBe(1)
    expect(report.stopReason).toBe('out-of-memory')
    expect(report.error.message).toBe("the script exhausted the engine's memory limit")
    expect(report.error.at.file).toBe('allocates-huge-array.js')
  })

  it('reports an engine killed with SIGKILL, exit 1', async () => {
    const cli = spawn(
      process.execPath,
      [CLI, 'run', join(SCRIPTS, 'spins.ts'), '--watchdog', '600000', '--report', '-', '--quiet'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let out = ''
    cli.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)))
    // The engine is the CLI's child that runs engine.js: wait until it exists, then kill it from outside.
    let engine = ''
    while (engine === '') {
      await new Promise((resolve) => setTimeout(resolve, 100))
      const ps = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(cli.pid)], { encoding: 'utf8' })
      engine =
        ps.stdout
          .split('\n')
          .find((l) => l.includes('engine.js'))
          ?.trim()
          .split(/\s+/)[0] ?? ''
    }
    process.kill(Number(engine), 'SIGKILL')
    expect(await exited).toBe(1)
    const report = JSON.parse(out)
    expect(report.stopReason).toBe('engine-lost')
    expect(report.error.message).toBe('the engine process ended without a report (signal SIGKILL)')
  })
})
