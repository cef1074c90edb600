// `nicbench check <script>` (cli.md): type-check and lint the script against the SDK without running it. Type errors
// exit 2 (as `run` would refuse the script); lint findings (unused locals, unreachable code, missing returns) are
// printed as warnings and do not change the exit code.
import { resolve } from 'node:path'
import { checkScript } from '../script-host/typecheck'
import { loadScript } from './load-inputs'

export function checkCommand(scriptPath: string): number {
  const script = loadScript(scriptPath)
  const warnings = /\.[cm]?ts$/i.test(scriptPath)
    ? checkScript(resolve(scriptPath), script.text, true).filter((d) => d.severity === 'warning')
    : []
  for (const w of warnings)
    process.stdout.write(`${scriptPath}:${w.line}:${w.column}: warning: ${w.message.split('\n')[0]}\n`)
  process.stdout.write(
    `${scriptPath}: ${warnings.length === 0 ? 'no problems' : `${warnings.length} warning(s)`} (${script.transpiled.sites.length} NDIS call sites, checked against sdk/ndis.d.ts)\n`,
  )
  return 0
}
