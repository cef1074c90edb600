// The real nicbench CLI as a child process: version, help, exit codes for bad input (cli.md).
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

  it('prints help with examples', () => {
    const run = nicbench('--help')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Usage: nicbench')
    expect(run.stdout).toContain('serve')
    expect(run.stdout).toContain('Examples:')
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
