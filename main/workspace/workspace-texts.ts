// The text of the scripts and the scenario an opened workspace names: read here because the page is sandboxed, and
// written back here, atomically, to those files only — the page can never name another file to write.
import { closeSync, fstatSync, lstatSync, openSync, readFileSync, realpathSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import type { DesktopWorkspace, DesktopWorkspaceText } from '../../core/api/desktop-api'
import { removeStaleTemps, writeFileAtomic } from './atomic-write'
import type { OpenedWorkspace } from './workspace-file'

/** A miniport script or a scenario is kilobytes; the editor is not meant for anything this big. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024

export type WorkspaceText = DesktopWorkspaceText

const utf8 = new TextDecoder('utf-8', { fatal: true })

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'not a file'
  return `cannot be read (${code ?? (error as Error).message})`
}

/** One file as UTF-8 text, or the reason it cannot be edited; never throws. */
export function readTextFile(path: string): WorkspaceText {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const stat = fstatSync(fd)
    if (!stat.isFile()) return { path, text: null, error: 'not a file' }
    if (stat.size > MAX_TEXT_BYTES) return { path, text: null, error: 'larger than 16 MiB' }
    const bytes = readFileSync(fd)
    try {
      // A file with bytes that are not UTF-8 would be damaged by saving the editor's text back over it.
      return { path, text: utf8.decode(bytes), error: null }
    } catch {
      return { path, text: null, error: 'not UTF-8 text' }
    }
  } catch (error) {
    return { path, text: null, error: readError(error) }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** The scripts, then the scenario: one entry each, a file that cannot be read giving its own error. */
export function readWorkspaceTexts(opened: Pick<OpenedWorkspace, 'scripts' | 'scenario'>): WorkspaceText[] {
  const paths = opened.scenario === null ? opened.scripts : [...opened.scripts, opened.scenario]
  return paths.map(readTextFile)
}

/** What the window is sent when a workspace opens: settings, paths and the files' text. */
export function workspaceMessage(opened: OpenedWorkspace, texts: WorkspaceText[]): DesktopWorkspace {
  return {
    file: opened.file,
    scripts: opened.scripts,
    scenario: opened.scenario,
    verifier: opened.verifier,
    seed: opened.seed,
    layout: opened.layout,
    texts,
  }
}

export class SaveRefused extends Error {
  constructor(readonly path: string) {
    super(`${path}: not a script or scenario of the opened workspace, so it is not written`)
    this.name = 'SaveRefused'
  }
}

/** The files the page may write: those the opened workspace names and that opened as text. */
export class EditableFiles {
  private allowed = new Set<string>()

  /** Replaces the allowed files by the readable ones of a newly opened workspace. */
  open(texts: readonly WorkspaceText[]): void {
    this.allowed = new Set(texts.filter((t) => t.text !== null).map((t) => resolve(t.path)))
  }

  clear(): void {
    this.allowed.clear()
  }

  allows(path: string): boolean {
    return isAbsolute(path) && this.allowed.has(resolve(path))
  }

  /** Writes `text` atomically over an allowed file; throws SaveRefused for any other path. */
  save(path: string, text: string): void {
    if (!this.allows(path)) throw new SaveRefused(path)
    if (Buffer.byteLength(text, 'utf8') > MAX_TEXT_BYTES) throw new Error(`${path}: the text is larger than 16 MiB`)
    // A linked file is written where the link points: replacing the link by a plain file would cut it.
    let target = resolve(path)
    try {
      if (lstatSync(target).isSymbolicLink()) target = realpathSync(target)
    } catch {
      // gone since it was opened: written anew at its path
    }
    try {
      removeStaleTemps(target)
      writeFileAtomic(target, text)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw new Error(`${path}: cannot be written (${code ?? (error as Error).message})`, { cause: error })
    }
  }
}
