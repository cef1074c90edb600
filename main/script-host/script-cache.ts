// What `nicbench run` and `nicbench check` learn from a script's text — its transpiled code with call sites, that it
// type-checks against the SDK, and check's lint warnings — kept on disk under the hash of everything that decides it:
// the text and file name, the SDK, the TypeScript version and the workbench build. Running the same text again then
// loads no TypeScript compiler at all (docs/cli.md, "Start-up"). Only scripts that passed are kept. An entry is
// validated when read, and any doubt (unreadable, malformed, another key) is a miss: the cache can make a start
// faster, never change what a run does. NICBENCH_CACHE=off turns it off; NICBENCH_CACHE_DIR moves it.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { productRoot } from '../paths'
import type { TranspiledScript } from './transpile'

/** Bumped whenever what an entry holds or means changes. */
const FORMAT = 'nicbench-script-cache-1'

export interface CachedScript {
  transpiled: TranspiledScript
  /** The SDK's value names: the scope the engine builds for the script. */
  declared: string[]
  /** check's lint warnings, or null when the text was only run (run does not lint). */
  warnings: { line: number; column: number; message: string }[] | null
}

const site = z.object({ line: z.number().int(), column: z.number().int() })
const entrySchema = z.object({
  format: z.literal(FORMAT),
  key: z.string(),
  transpiled: z.object({
    file: z.string(),
    code: z.string(),
    map: z.string(),
    sites: z.array(site),
    diagnostics: z.array(z.never()),
  }),
  declared: z.array(z.string()),
  warnings: z.array(site.extend({ message: z.string() })).nullable(),
})

/** The folder entries live in, or null when the cache is off. */
export function scriptCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env['NICBENCH_CACHE'] === 'off') return null
  if (env['NICBENCH_CACHE_DIR']) return env['NICBENCH_CACHE_DIR']
  const base = env['XDG_CACHE_HOME'] || join(homedir(), '.cache')
  return join(base, 'nicbench')
}

let toolId: string | undefined

/** What besides the text decides the outcome: the SDK's text, TypeScript's version, this build of the workbench. */
function tool(): string {
  if (toolId) return toolId
  const root = productRoot()
  const sdk = readFileSync(join(root, 'sdk', 'ndis.d.ts'))
  let typescript = 'unknown'
  try {
    typescript = (JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')) as { version: string })
      .version
  } catch {
    // keep 'unknown': still one key per build below
  }
  const self = statSync(__filename)
  toolId = createHash('sha256')
    .update(sdk)
    .update(`\0${typescript}\0${__filename}\0${self.size}\0${self.mtimeMs}`)
    .digest('hex')
  return toolId
}

function keyOf(file: string, text: string): string {
  return createHash('sha256').update(`${FORMAT}\0${tool()}\0${file}\0`).update(text).digest('hex')
}

export class ScriptCache {
  constructor(private readonly dir: string | null = scriptCacheDir()) {}

  get enabled(): boolean {
    return this.dir !== null
  }

  /** The entry for this text, or null. `needWarnings`: only an entry made by check will do. */
  get(file: string, text: string, needWarnings: boolean): CachedScript | null {
    if (!this.dir) return null
    try {
      const key = keyOf(file, text)
      const parsed = entrySchema.safeParse(JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8')))
      if (!parsed.success || parsed.data.key !== key || parsed.data.transpiled.file !== file) return null
      if (needWarnings && parsed.data.warnings === null) return null
      return parsed.data as CachedScript
    } catch {
      return null
    }
  }

  /** Keeps an entry; written whole under a temporary name and renamed, so a reader never sees half of one. */
  put(file: string, text: string, entry: CachedScript): void {
    if (!this.dir) return
    try {
      const key = keyOf(file, text)
      mkdirSync(this.dir, { recursive: true })
      const path = join(this.dir, `${key}.json`)
      const temporary = `${path}.${process.pid}.tmp`
      writeFileSync(temporary, JSON.stringify({ format: FORMAT, key, ...entry }))
      renameSync(temporary, path)
    } catch {
      // A cache that cannot be written only costs the next start its speed.
    }
  }
}
