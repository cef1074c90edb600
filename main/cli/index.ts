// nicbench: the headless CLI (docs/cli.md).
import { Command, InvalidArgumentError, Option } from 'commander'
import { DEFAULT_ENGINE_MEMORY_MB, DEFAULT_HANDLER_BUDGET_MS } from '../../core/api/engine-protocol'
import { productVersion, rendererDir } from '../paths'
import { ensureUiBuilt } from '../serve/build-ui'
import { isLoopbackAddress } from '../serve/serve-security'
import { BadInput } from './bad-input'
import { rulesText } from './rules-command'
import type { RunOptions } from './run-command'
import type { TestOptions } from './test-command'
import type { AdviseOptions } from './advise-command'

/** Exit codes of cli.md. */
export const EXIT = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is an integer 0–65535')
  return port
}

function parseLimit(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value)
    if (!/^\d+$/.test(value) || n < min || n > max)
      throw new InvalidArgumentError(`a whole number from ${min} to ${max}`)
    return n
  }
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command()
  program
    .name('nicbench')
    .description('NIC Workbench, headless: run NDIS 5 miniport scripts against the emulated controller.')
    .version(productVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(run nicbench --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  nicbench run examples/reference-miniport.ts                 run the default scenario (20 ms of 64-byte frames)
  nicbench run driver.ts --scenario s.json --report out.json   a CI run with a JSON report
  nicbench run driver.ts --fault NdisAllocatePacket:6%         fail 6% of packet allocations
  nicbench check driver.ts                                     type-check against the NDIS declarations
  nicbench rules                                               the verifier's rule catalogue
  nicbench serve                                               the workbench UI on http://127.0.0.1:4780/?token=…

Exit codes: 0 clean · 1 findings or a bug check · 2 bad input · 3 internal error`,
    )
    .exitOverride()

  program
    .command('run')
    .description('load the miniport, run the scenario, print a summary, write the requested artifacts')
    .argument('<script>', 'the miniport script (.ts or .js)')
    .option(
      '--scenario <file.json>',
      'traffic, protocol behaviour, controller settings, faults (default: the documented default scenario)',
    )
    .option('--seed <n>', "seed of every random choice (default 1, or the scenario's)")
    .option('--duration <t>', "virtual time to run: 500us, 20ms, 3s (default 20ms, or the scenario's)")
    .option('--frames <n>', 'stop after the controller has received n frames')
    .option('--realtime', 'pace virtual time to the wall clock')
    .addOption(new Option('--verifier <level>', 'verifier rule classes: off, standard, full (default standard)'))
    .option(
      '--fault <spec>',
      'low-resources simulation: NAME:P% or NAME:#N, comma-separated (e.g. NdisAllocatePacket:6%)',
    )
    .option('--report <file.json>', 'the JSON report (- for stdout)')
    .option('--junit <file.xml>', 'JUnit XML: one test case per verifier rule')
    .option('--pcap <file>', 'capture of the wire: .pcapng (default) or .pcap')
    .option('--trace <file.json>', 'Chrome trace-event JSON (opens in Perfetto)')
    .option(
      '--watchdog <ms>',
      `wall-clock budget of one handler call before it is stopped as 0x133 (default ${DEFAULT_HANDLER_BUDGET_MS})`,
    )
    .option('--memory <MiB>', `heap limit of the engine process (default ${DEFAULT_ENGINE_MEMORY_MB})`)
    .option('--quiet', 'print nothing but errors')
    .option('--no-progress', 'no progress bar')
    .option('--verbose', 'print how long each start-up step took (to stderr)')
    .addHelpText(
      'after',
      `
Examples:
  nicbench run examples/reference-miniport.ts --duration 50ms
  nicbench run driver.ts --scenario examples/scenarios/imix-with-faults.json --report - --junit junit.xml --pcap wire.pcapng`,
    )
    .action(async (script: string, options: RunOptions) => {
      // Loaded when used: the TypeScript compiler behind it is not what --help or rules need.
      const { runCommand } = await import('./run-command')
      setExit((await runCommand(script, options)).exitCode)
    })

  program
    .command('check')
    .description('type-check and lint a script against the NDIS declarations without running it')
    .argument('<script>', 'the miniport script (.ts or .js)')
    .option('--verbose', 'print how long each step took (to stderr)')
    .action(async (script: string, options: { verbose?: boolean }) => {
      const { checkCommand } = await import('./check-command')
      setExit(await checkCommand(script, options))
    })

  program
    .command('test')
    .description('run the conformance and fault suites against the miniport: one run per case, pass or fail')
    .argument('<script>', 'the miniport script (.ts or .js)')
    .option(
      '--suite <names>',
      `all, or some of ${['oid', 'receive', 'send', 'link', 'reset', 'fault', 'stress'].join(', ')} (comma-separated)`,
      'all',
    )
    .option('--shard <i/n>', 'run only the i-th of n slices of the case list (nicbench merge joins them)')
    .option('--report <file.json>', 'the JSON report (- for stdout)')
    .option('--junit <file.xml>', 'JUnit XML: one test case per case')
    .option('--seed <n>', 'seed of every run (default 1)')
    .addOption(new Option('--verifier <level>', 'verifier rule classes: off, standard, full (default standard)'))
    .option('--stress-duration <t>', 'virtual time of each stress case (default 20ms)')
    .option(
      '--fault-nth <n>',
      'besides the first, fail the nth call of each allocation site (default 2; all: every call, up to 64)',
    )
    .option('--jobs <n>', 'runs at a time (default: the processors, at most 4)')
    .option('--controller <model>', 'the controller every case runs on: wb100 or 82540em (default wb100)')
    .option('--quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
Examples:
  nicbench test driver.ts                                  every suite
  nicbench test driver.ts --suite fault --junit fault.xml   fail each allocation call site once
  nicbench test driver.ts --shard 2/4 --report part2.json   the second of four slices, for a CI matrix`,
    )
    .action(async (script: string, options: TestOptions) => {
      const { testCommand } = await import('./test-command')
      setExit(await testCommand(script, options))
    })

  program
    .command('advise')
    .description('the fewest packet and buffer descriptors the driver needs for a scenario, and the margin it leaves')
    .argument('<script>', 'the miniport script (.ts or .js)')
    .option('--scenario <file.json>', 'the scenario to size the pools for (default: the default scenario)')
    .option('--seed <n>', "seed of every run (default 1, or the scenario's)")
    .addOption(new Option('--verifier <level>', 'verifier rule classes: off, standard, full (default standard)'))
    .option('--report <file.json>', 'the advice as JSON (- for stdout)')
    .action(async (script: string, options: AdviseOptions) => {
      const { adviseCommand } = await import('./advise-command')
      setExit(await adviseCommand(script, options))
    })

  program
    .command('merge')
    .description("join the reports of the shards of one nicbench test run into the whole run's report")
    .argument('<reports...>', "the shards' JSON reports (--report of nicbench test --shard)")
    .option('--report <file.json>', 'where the merged report goes (default stdout)')
    .option('--junit <file.xml>', 'JUnit XML of the merged report')
    .action(async (reports: string[], options: { report?: string; junit?: string }) => {
      const { mergeCommand } = await import('./merge-command')
      setExit(mergeCommand(reports, options))
    })

  program
    .command('diff')
    .description('the first divergence of two reports or two traces of one script (exit 1 when they differ)')
    .argument('<a>', 'a report (--report) or trace (--trace) JSON')
    .argument('<b>', 'the other one')
    .action(async (a: string, b: string) => {
      const { diffCommand } = await import('./diff-command')
      setExit(diffCommand(a, b))
    })

  program
    .command('rules')
    .description('list every verifier rule: id, bug check code, parameters, meaning')
    .option('--json', 'as JSON')
    .action((options: { json?: boolean }) => {
      process.stdout.write(rulesText(options.json === true))
      setExit(EXIT.ok)
    })

  program
    .command('serve')
    .description('serve the workbench UI to a browser (binds to loopback unless told otherwise)')
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 4780)
    .option(
      '--watchdog <ms>',
      `wall-clock budget of one handler call (default ${DEFAULT_HANDLER_BUDGET_MS})`,
      parseLimit(10, 3_600_000),
    )
    .option(
      '--memory <MiB>',
      `heap limit of each run's engine process (default ${DEFAULT_ENGINE_MEMORY_MB})`,
      parseLimit(32, 16_384),
    )
    .option('--allow-remote', 'allow a --host that other machines can reach (anyone with the token can run code here)')
    .addHelpText(
      'after',
      `
The printed address carries a token made for this launch; only a page opened from it can drive the workbench.`,
    )
    .action(
      async (options: { host: string; port: number; watchdog?: number; memory?: number; allowRemote?: boolean }) => {
        ensureUiBuilt(rendererDir())
        const { startServer, ServeStartError } = await import('../serve/server')
        let server: Awaited<ReturnType<typeof startServer>>
        try {
          server = await startServer({
            host: options.host,
            port: options.port,
            rendererDir: rendererDir(),
            allowRemote: options.allowRemote === true,
            session: { handlerBudgetMs: options.watchdog, memoryMb: options.memory },
          })
        } catch (error) {
          if (error instanceof ServeStartError) throw new BadInput(error.message)
          throw error
        }
        if (!isLoopbackAddress(options.host)) {
          process.stderr.write(
            `nicbench serve: warning: ${options.host} can be reached from other machines; anyone who has the address ` +
              `with its token can run scripts, and so code, on this machine\n`,
          )
        }
        process.stdout.write(`NIC Workbench is served at ${server.url}\n`)
        const stop = () => void server.close().then(() => process.exit(EXIT.ok))
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
        setExit(-1)
      },
    )

  return program
}

async function main(argv: string[]): Promise<void> {
  // A closed pipe (nicbench … | head) ends the output quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  })
  let exitCode = EXIT.ok as number
  const program = buildProgram((code) => (exitCode = code))
  try {
    await program.parseAsync(argv)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
      exitCode = EXIT.ok
    } else if (typeof code === 'string' && code.startsWith('commander.')) {
      exitCode = EXIT.badInput
    } else if (error instanceof BadInput) {
      process.stderr.write(`nicbench: ${error.message}\n`)
      exitCode = EXIT.badInput
    } else {
      process.stderr.write(
        `nicbench: internal error of the workbench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      )
      exitCode = EXIT.internal
    }
  }
  if (exitCode >= 0) {
    process.exitCode = exitCode
    // Let stdout drain, then leave even if a library left a handle open.
    process.stdout.write('', () => process.exit(exitCode))
  }
}

void main(process.argv)
