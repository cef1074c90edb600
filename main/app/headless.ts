// `--headless <command>`: the packaged app runs the commands of docs/cli.md without opening a window.
// The CLI bundle (out/cli/nicbench.js) runs the command line it finds in process.argv when it is loaded, and exits with
// the exit codes of cli.md.
export const HEADLESS_SWITCH = '--headless'

/** The CLI arguments after `--headless`, or null when the app was started normally. */
export function headlessArgs(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(HEADLESS_SWITCH)
  return at < 0 ? null : argv.slice(at + 1)
}

/**
 * Runs the CLI in this process with `args` as its command line (`nicbench <args>`); `cliEntry` is the CLI bundle.
 */
export function runHeadless(args: readonly string[], cliEntry: string): void {
  process.argv = [process.execPath, 'nicbench', ...args]
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(cliEntry)
}
