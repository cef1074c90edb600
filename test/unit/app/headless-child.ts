// Stands in for the app's main process started as `<app> --headless <command>`: the same entry, with the CLI taken
// from its source instead of the bundle built next to the main bundle.
import { join } from 'node:path'
import { headlessArgs, runHeadless } from '../../../main/app/headless'

const args = headlessArgs(process.argv)
if (args === null) process.exit(99)
runHeadless(args, join(__dirname, '..', '..', '..', 'main', 'cli', 'index.ts'))
