// nicbench: the headless CLI (../shared/product/cli.md).
import { Command, InvalidArgumentError } from 'commander'
import { productVersion, rendererDir } from '../paths'
import { startServer } from '../serve/server'

/** Exit codes of cli.md. */
export const EXIT = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is an integer 0–65535')
  return port
}

export function buildProgram(): Command {
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
  nicbench serve                     serve the workbench UI on http://127.0.0.1:4780/
  nicbench serve --port 8080         the same on another port`,
    )
    .exitOverride()

  program
    .command('serve')
    .description('serve the workbench UI to a browser (binds to loopback unless told otherwise)')
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 4780)
    .action(async (options: { host: string; port: number }) => {
      const server = await startServer({ host: options.host, port: options.port, rendererDir: rendererDir() })
      process.stdout.write(`NIC Workbench is served at ${server.url}\n`)
      const stop = () => void server.close().then(() => process.exit(EXIT.ok))
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })

  return program
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help')
      process.exit(EXIT.ok)
    if (typeof code === 'string' && code.startsWith('commander.')) process.exit(EXIT.badInput)
    process.stderr.write(`nicbench: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(EXIT.internal)
  }
}

void main(process.argv)
