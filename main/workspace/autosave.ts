// Autosave of unsaved editor text into the app's data folder, and the recovery list offered at the next start.
// An entry exists only while its text is unsaved: saving the document discards it, so whatever is found at start-up
// was left by a crash or a kill.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, unlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { removeStaleTemps, writeFileAtomic } from './atomic-write'

const AUTOSAVE_FORMAT = 'nic-workbench-autosave'

const autosaveEntry = z.object({
  format: z.literal(AUTOSAVE_FORMAT),
  version: z.literal(1),
  /** The editor document's identity: its file path, or an `untitled:` name. */
  key: z.string().min(1),
  /** The file the text belongs to, or null for a document never saved. */
  file: z.string().nullable(),
  text: z.string(),
  /** Wall-clock time of the autosave (milliseconds since 1970), shown in the recovery offer. */
  savedAtMs: z.number(),
})

export type AutosaveEntry = z.infer<typeof autosaveEntry>

export interface Recovery {
  key: string
  file: string | null
  text: string
  savedAtMs: number
  /** The file as it is on disk now (null: never saved, or gone). */
  diskText: string | null
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

export class AutosaveStore {
  readonly folder: string

  /** `dataDir` is the app's data folder (Electron's `userData`); tests pass a temporary folder. */
  constructor(dataDir: string) {
    this.folder = join(dataDir, 'autosave')
  }

  private entryFile(key: string): string {
    return join(this.folder, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`)
  }

  save(key: string, file: string | null, text: string, savedAtMs = Date.now()): void {
    mkdirSync(this.folder, { recursive: true })
    const entry: AutosaveEntry = {
      format: AUTOSAVE_FORMAT,
      version: 1,
      key,
      file: file === null ? null : resolve(file),
      text,
      savedAtMs,
    }
    const target = this.entryFile(key)
    removeStaleTemps(target)
    writeFileAtomic(target, JSON.stringify(entry))
  }

  /** The document was saved or closed without changes: nothing to recover any more. */
  discard(key: string): void {
    try {
      unlinkSync(this.entryFile(key))
    } catch {
      // nothing autosaved
    }
  }

  /**
   * Unsaved texts left by a previous run, newest first. Entries whose text equals the file on disk are not offered
   * (nothing would be recovered); damaged entries and temporary files of interrupted autosaves are skipped.
   */
  recoverable(): Recovery[] {
    let names: string[]
    try {
      names = readdirSync(this.folder)
    } catch {
      return []
    }
    const found: Recovery[] = []
    for (const name of names) {
      if (!name.endsWith('.json')) continue
      const path = join(this.folder, name)
      let parsed: AutosaveEntry
      try {
        const result = autosaveEntry.safeParse(JSON.parse(readFileSync(path, 'utf8')))
        if (!result.success) continue
        parsed = result.data
      } catch {
        continue
      }
      if (path !== this.entryFile(parsed.key)) continue
      const diskText = parsed.file === null ? null : readText(parsed.file)
      if (diskText === parsed.text) continue
      found.push({ key: parsed.key, file: parsed.file, text: parsed.text, savedAtMs: parsed.savedAtMs, diskText })
    }
    return found.sort((a, b) => b.savedAtMs - a.savedAtMs)
  }
}

interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/**
 * Debounced autosave: the editor reports every change, the store is written once the typing pauses for `delayMs`.
 * `flush` writes what is pending at once (on window blur or quit).
 */
export class Autosaver {
  private readonly pending = new Map<string, { file: string | null; text: string; timer: unknown }>()

  constructor(
    private readonly store: AutosaveStore,
    private readonly delayMs = 1000,
    private readonly timers: Timers = {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
  ) {}

  changed(key: string, file: string | null, text: string): void {
    const previous = this.pending.get(key)
    if (previous) this.timers.clearTimeout(previous.timer)
    const timer = this.timers.setTimeout(() => this.write(key), this.delayMs)
    this.pending.set(key, { file, text, timer })
  }

  /** The document was saved: its autosave is no longer needed. */
  saved(key: string): void {
    const previous = this.pending.get(key)
    if (previous) this.timers.clearTimeout(previous.timer)
    this.pending.delete(key)
    this.store.discard(key)
  }

  flush(): void {
    for (const key of [...this.pending.keys()]) {
      const entry = this.pending.get(key)
      if (entry) this.timers.clearTimeout(entry.timer)
      this.write(key)
    }
  }

  private write(key: string): void {
    const entry = this.pending.get(key)
    if (!entry) return
    this.pending.delete(key)
    this.store.save(key, entry.file, entry.text)
  }
}
