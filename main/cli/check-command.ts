// `nicbench check <script>` (cli.md): type-check and lint the script against the SDK without running it. Type errors
// exit 2 (as `run` would refuse the script); lint findings (unused locals, unreachable code, missing returns) are
// printed as warnings and do not change the exit code. One pass of the compiler gives both; a text checked before
// comes from the script cache.
import { loadPhasesText, loadScript } from './load-inputs'

export async function checkCommand(scriptPath: string, options: { verbose?: boolean } = {}): Promise<number> {
  const script = await loadScript(scriptPath, { lint: true })
  if (options.verbose) process.stderr.write(loadPhasesText(script))
  const warnings = script.warnings
  for (const w of warnings)
    process.stdout.write(`${scriptPath}:${w.line}:${w.column}: warning: ${w.message.split('\n')[0]}\n`)
  process.stdout.write(
    `${scriptPath}: ${warnings.length === 0 ? 'no problems' : `${warnings.length} warning(s)`} (${script.transpiled.sites.length} NDIS call sites, checked against sdk/ndis.d.ts)\n`,
  )
  return 0
}
