// One running app: a second launch (from a shell, a file manager's double click or the dock) hands its workspace to
// the first and quits. Electron's `app` is passed in.
import type { App } from 'electron'
import { resolve } from 'node:path'
import { WORKSPACE_EXTENSION } from '../workspace/schema'

/** The workspace named on a command line (the last `.nicws` argument that is not an option), made absolute. */
export function workspaceArgument(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!
    if (arg === '--') continue
    if (arg.startsWith('-')) continue
    if (arg.toLowerCase().endsWith(`.${WORKSPACE_EXTENSION}`)) return resolve(cwd, arg)
  }
  return null
}

type AppLike = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>

/**
 * Takes the single-instance lock. Returns false in a second instance (which then quits: its command line reaches the
 * first one as `second-instance`). In the first, `open(file)` is called with a workspace to open, or null to only
 * bring the window forward.
 */
export function claimSingleInstance(app: AppLike, open: (file: string | null) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', (_event, argv, workingDirectory) => open(workspaceArgument(argv, workingDirectory)))
  // macOS: double click in Finder and drops on the dock icon.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    open(resolve(path))
  })
  return true
}
