// The hostile-script corpus through the real `nicbench run` (worker, watchdog, heap limit, exit codes): each script
// ends as a run, a clear exit 2 or a finding (its exception or bug check at its line), never an internal error, a
// run that does not end, or an escape (a script that changed the host's realm or reached `process`; the corpus's
// scripts say so by throwing "ESCAPE").
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { CLI, ROOT } from '../support/serve'
import { HOSTILE_SCRIPTS, hostileScriptText, type HostileScript } from './hostile-scripts'
import { OutcomeTable, type Outcome } from './outcomes'

const dir = mkdtempSync(join(tmpdir(), 'nicbench-hostile-'))

/** As JavaScript: `nicbench run` then skips the type check, which would only cost time here. */
function scriptFile(h: HostileScript, i: number): string {
  const js = ts.transpileModule(hostileScriptText(h), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText
  const file = join(dir, `hostile-${i}.js`)
  writeFileSync(file, js)
  return file
}

function runHostile(h: HostileScript, i: number): Promise<{ outcome: Outcome; detail: string }> {
  const report = join(dir, `hostile-${i}.json`)
  const args = [CLI, 'run', scriptFile(h, i), '--duration', '2ms', '--watchdog', '1000', '--memory', '64']
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...args, '--quiet', '--report', report], { cwd: ROOT })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    // The watchdog stops a spinning handler within a second and the load budget a spinning load within three; a
    // run still going minutes later is one that does not end.
    const timer = setTimeout(() => child.kill('SIGKILL'), 4 * 60_000)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (signal) return resolve({ outcome: 'hang', detail: `killed (${signal})` })
      let text = ''
      try {
        text = readFileSync(report, 'utf8')
      } catch {
        // no report: exit 2 or 3
      }
      if (/ESCAPE/.test(text))
        return resolve({ outcome: 'escape', detail: /"message": "(ESCAPE[^"]*)"/.exec(text)?.[1] ?? '' })
      const outcome: Outcome =
        code === 0 ? 'ran' : code === 1 ? 'finding/bug check' : code === 2 ? 'clear exit 2' : 'exit 3'
      resolve({ outcome, detail: stderr.split('\n')[0] ?? '' })
    })
  })
}

describe('the hostile-script corpus', () => {
  it(
    'each script is a run, a clear exit 2 or a finding',
    async () => {
      const table = new OutcomeTable()
      const queue = HOSTILE_SCRIPTS.map((h, i) => ({ h, i }))
      const rows: string[] = []
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { outcome, detail } = await runHostile(next.h, next.i)
          table.add(outcome, `${next.h.name}: ${detail}`)
          rows.push(`  ${outcome.padEnd(17)}  ${next.h.name}`)
        }
      }
      await Promise.all([worker(), worker()])
      table.print(`hostile scripts (${HOSTILE_SCRIPTS.length}, through nicbench run)`, null)
      console.log(rows.sort().join('\n'))
      expect(table.examples).toEqual([])
    },
    10 * 60_000,
  )
})
