// The real nicbench CLI (bin/nicbench.js → out/cli/nicbench.js) as a child process.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { CLI, ROOT } from './serve'

export function runCli(args: string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  })
}
