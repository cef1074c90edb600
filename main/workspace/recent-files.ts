// File > Open Recent: the last workspaces opened, newest first, kept in the app's data folder.
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from './atomic-write'

export const RECENT_LIMIT = 10

const recentFile = z.object({ version: z.literal(1), files: z.array(z.string()).max(100) })

export class RecentFiles {
  private readonly file: string

  /** `dataDir` is the app's data folder (Electron's `userData`). */
  constructor(dataDir: string) {
    this.file = join(dataDir, 'recent-workspaces.json')
  }

  /** The list, without files that no longer exist. A damaged list reads as empty. */
  list(): string[] {
    try {
      const parsed = recentFile.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      return parsed.success ? parsed.data.files.filter((file) => existsSync(file)).slice(0, RECENT_LIMIT) : []
    } catch {
      return []
    }
  }

  add(path: string): string[] {
    const file = resolve(path)
    const files = [file, ...this.list().filter((entry) => entry !== file)].slice(0, RECENT_LIMIT)
    this.write(files)
    return files
  }

  remove(path: string): string[] {
    const file = resolve(path)
    const files = this.list().filter((entry) => entry !== file)
    this.write(files)
    return files
  }

  clear(): void {
    this.write([])
  }

  private write(files: string[]): void {
    mkdirSync(join(this.file, '..'), { recursive: true })
    writeFileAtomic(this.file, JSON.stringify({ version: 1, files }))
  }
}
