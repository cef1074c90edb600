// Open and save of workspace files. A load either returns a complete, valid, current-version workspace or throws a
// WorkspaceError with one clear sentence: nothing is opened half-way.
import { readFileSync, statSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { z } from 'zod'
import { removeStaleTemps, writeFileAtomic } from './atomic-write'
import {
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  migrateV1,
  workspaceV1,
  workspaceV2,
  type VerifierLevel,
  type Workspace,
} from './schema'

/** A workspace is a few kilobytes; anything this big is not one. */
const MAX_WORKSPACE_BYTES = 16 * 1024 * 1024

export type WorkspaceErrorKind = 'unreadable' | 'corrupt' | 'invalid' | 'newer'

export class WorkspaceError extends Error {
  constructor(
    readonly kind: WorkspaceErrorKind,
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`)
    this.name = 'WorkspaceError'
  }
}

/** A loaded workspace with its paths made absolute. */
export interface OpenedWorkspace {
  file: string
  workspace: Workspace
  scripts: string[]
  scenario: string | null
  verifier: VerifierLevel
  seed: number
  layout: Workspace['layout']
  /** The version the file had when it was older than this build's (saving writes the current version). */
  migratedFrom: number | null
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'not a valid workspace'
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the top level'
  return `${where}: ${issue.message}`
}

/** Validates parsed JSON, migrating older versions. Throws WorkspaceError. */
export function parseWorkspace(file: string, json: unknown): { workspace: Workspace; migratedFrom: number | null } {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new WorkspaceError('invalid', file, 'not a workspace (expected a JSON object)')
  const record = json as Record<string, unknown>
  if (record['format'] !== WORKSPACE_FORMAT)
    throw new WorkspaceError('invalid', file, `not a workspace (format is not "${WORKSPACE_FORMAT}")`)
  const version = record['version']
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new WorkspaceError('invalid', file, 'version: expected a positive integer')
  if (version > WORKSPACE_VERSION)
    throw new WorkspaceError(
      'newer',
      file,
      `written by a newer NIC Workbench (workspace version ${version}; this version reads up to ${WORKSPACE_VERSION}). ` +
        'Update NIC Workbench to open it.',
    )
  if (version === 1) {
    const old = workspaceV1.safeParse(json)
    if (!old.success) throw new WorkspaceError('invalid', file, firstIssue(old.error))
    return { workspace: migrateV1(old.data), migratedFrom: 1 }
  }
  const current = workspaceV2.safeParse(json)
  if (!current.success) throw new WorkspaceError('invalid', file, firstIssue(current.error))
  return { workspace: current.data, migratedFrom: null }
}

function resolveIn(file: string, stored: string): string {
  return resolve(dirname(file), stored)
}

/** Stored form of a path: relative to the workspace folder, with `/` separators so it opens on every OS. */
export function storedPath(file: string, path: string): string {
  const rel = relative(dirname(resolve(file)), resolve(path))
  if (rel === '' || isAbsolute(rel)) return resolve(path).split(sep).join('/')
  return rel.split(sep).join('/')
}

export function loadWorkspace(path: string): OpenedWorkspace {
  const file = resolve(path)
  let text: string
  try {
    if (statSync(file).size > MAX_WORKSPACE_BYTES)
      throw new WorkspaceError('invalid', file, 'too large to be a workspace')
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if (error instanceof WorkspaceError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new WorkspaceError('unreadable', file, code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new WorkspaceError('corrupt', file, `damaged: not valid JSON (${(error as Error).message})`)
  }
  const { workspace, migratedFrom } = parseWorkspace(file, json)
  return {
    file,
    workspace,
    scripts: workspace.scripts.map((script) => resolveIn(file, script)),
    scenario: workspace.scenario === null ? null : resolveIn(file, workspace.scenario),
    verifier: workspace.verifier,
    seed: workspace.seed,
    layout: workspace.layout,
    migratedFrom,
  }
}

/** What the app saves: absolute paths, made relative to the workspace here. */
export interface WorkspaceContent {
  scripts: string[]
  scenario: string | null
  verifier: VerifierLevel
  seed: number
  layout?: Workspace['layout']
}

export function serializeWorkspace(path: string, content: WorkspaceContent): string {
  const file = resolve(path)
  const workspace = workspaceV2.parse({
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    scripts: content.scripts.map((script) => storedPath(file, script)),
    scenario: content.scenario === null ? null : storedPath(file, content.scenario),
    verifier: content.verifier,
    seed: content.seed,
    layout: content.layout ?? {},
  })
  return `${JSON.stringify(workspace, null, 2)}\n`
}

/** Save and Save As: validated first, then written atomically (a kill midway leaves the old file whole). */
export function saveWorkspace(path: string, content: WorkspaceContent): void {
  const file = resolve(path)
  const text = serializeWorkspace(file, content)
  removeStaleTemps(file)
  writeFileAtomic(file, text)
}
