// Atomic replacement of a file: the target holds either its old complete content or the new complete content, never
// a part of either, whatever moment the process is killed at.
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

const TEMP_SUFFIX = '.tmp'

/** Temporary files of `target` live next to it (a rename is atomic only within one file system). */
function tempPrefix(target: string): string {
  return `.${basename(target)}.`
}

/** Is `name` (a file name in the target's folder) one of the target's temporary files? */
export function isTempOf(target: string, name: string): boolean {
  return name.startsWith(tempPrefix(target)) && name.endsWith(TEMP_SUFFIX)
}

function syncFolder(folder: string): void {
  // Makes the rename itself durable. Windows cannot open a folder for fsync; its rename is already journalled.
  if (process.platform === 'win32') return
  let fd: number | undefined
  try {
    fd = openSync(folder, 'r')
    fsyncSync(fd)
  } catch {
    // Some file systems refuse fsync on a folder; the file's own fsync already happened.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * Writes `data` to a temporary file in the target's folder, fsyncs it, renames it over the target and fsyncs the
 * folder. On any failure the temporary file is removed and the target is untouched.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const folder = dirname(target)
  const temp = join(folder, `${tempPrefix(target)}${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`)
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  let fd: number | undefined
  try {
    fd = openSync(temp, 'wx', 0o644)
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temp, target)
  } catch (error) {
    if (fd !== undefined) closeSync(fd)
    try {
      unlinkSync(temp)
    } catch {
      // already gone
    }
    throw error
  }
  syncFolder(folder)
}

/** Is the process named in a temporary file's name (`.<target>.<pid>.<random>.tmp`) another one still running? */
function writerAlive(name: string): boolean {
  const pid = Number(name.split('.').at(-3))
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes temporary files a killed save left next to `target`. Loads never read them (they read the target only), so
 * this is housekeeping, called before the next save. Returns how many were removed.
 */
export function removeStaleTemps(target: string): number {
  let removed = 0
  let names: string[]
  try {
    names = readdirSync(dirname(target))
  } catch {
    return 0
  }
  for (const name of names) {
    if (!isTempOf(target, name) || writerAlive(name)) continue
    try {
      unlinkSync(join(dirname(target), name))
      removed++
    } catch {
      // another writer's live temp file or already removed
    }
  }
  return removed
}
