// Issue "Electron application": `--headless <command>` runs the CLI commands of docs/cli.md without a
// window, with cli.md's exit codes. The Electron binary is the boundary we cannot launch here: the child process
// runs the same headless entry under Node.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { headlessArgs } from '../../../main/app/headless'

const CHILD = join(__dirname, 'headless-child.ts')

function headless(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', CHILD, '--no-sandbox', '--headless', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  })
}

describe('--headless', () => {
  it('takes the command line after the switch, and nothing without it', () => {
    expect(headlessArgs(['app', '--no-sandbox', '--headless', 'run', 'd.ts', '--seed', '3'])).toEqual([
      'run',
      'd.ts',
      '--seed',
      '3',
    ])
    expect(headlessArgs(['app', 'w.nicws'])).toBeNull()
  })

  it('runs `rules` (cli.md) and exits 0', () => {
    const result = headless('rules', '--json')
    expect(result.status).toBe(0)
    const rules = JSON.parse(result.stdout) as Array<{ id: string }>
    expect(rules.map((rule) => rule.id)).toContain('R1')
  })

  it('exits 2 on bad input (cli.md exit codes)', () => {
    const result = headless('check', join(__dirname, 'no-such-driver.ts'))
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('no-such-driver.ts')
  })
})
