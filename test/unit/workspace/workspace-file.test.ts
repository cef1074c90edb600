// Issue "Workspace and data safety": the .nicws file — schema and version, migration of older versions, refusal of
// newer and damaged ones with one clear message, paths relative to the workspace folder, atomic save.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WORKSPACE_FORMAT, WORKSPACE_VERSION } from '../../../main/workspace/schema'
import { WorkspaceError, loadWorkspace, saveWorkspace } from '../../../main/workspace/workspace-file'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'nicws-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

function write(name: string, json: unknown): string {
  const file = join(folder, name)
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json))
  return file
}

function loadError(file: string): WorkspaceError {
  try {
    loadWorkspace(file)
  } catch (error) {
    if (error instanceof WorkspaceError) return error
    throw error
  }
  throw new Error('the workspace loaded')
}

describe('workspace save and open', () => {
  it('round-trips scripts, scenario, verifier level, seed and layout', () => {
    const file = join(folder, 'project', 'driver.nicws')
    mkdirSync(join(folder, 'project'))
    const content = {
      scripts: [join(folder, 'project', 'src', 'miniport.ts'), join(folder, 'shared', 'helpers.ts')],
      scenario: join(folder, 'project', 'scenarios', 'imix.json'),
      verifier: 'full' as const,
      seed: 42,
      layout: { panels: ['pools', 'inspector'], split: 0.6 },
    }
    saveWorkspace(file, content)
    const opened = loadWorkspace(file)
    expect(opened.scripts).toEqual(content.scripts)
    expect(opened.scenario).toBe(content.scenario)
    expect(opened).toMatchObject({ verifier: 'full', seed: 42, layout: content.layout, migratedFrom: null })
  })

  it('stores paths relative to the workspace with / separators, so the workspace moves with its project', () => {
    const file = join(folder, 'w.nicws')
    saveWorkspace(file, { scripts: [join(folder, 'src', 'a.ts')], scenario: null, verifier: 'off', seed: 0 })
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    expect(stored).toMatchObject({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, scripts: ['src/a.ts'] })
    const moved = join(folder, 'elsewhere')
    mkdirSync(moved)
    writeFileSync(join(moved, 'w.nicws'), readFileSync(file))
    expect(loadWorkspace(join(moved, 'w.nicws')).scripts).toEqual([join(moved, 'src', 'a.ts')])
  })

  it('refuses to save an invalid workspace and leaves the existing file untouched', () => {
    const file = join(folder, 'w.nicws')
    saveWorkspace(file, { scripts: [], scenario: null, verifier: 'standard', seed: 1 })
    const before = readFileSync(file, 'utf8')
    expect(() => saveWorkspace(file, { scripts: [], scenario: null, verifier: 'standard', seed: -3 })).toThrow()
    expect(() => saveWorkspace(file, { scripts: [], scenario: null, verifier: 'standard', seed: 1.5 })).toThrow()
    expect(readFileSync(file, 'utf8')).toBe(before)
    expect(readdirSync(folder)).toEqual(['w.nicws'])
  })
})

describe('migration of older workspaces', () => {
  it('opens a version 1 workspace (one script, no layout) as the current version', () => {
    const file = write('old.nicws', {
      format: WORKSPACE_FORMAT,
      version: 1,
      script: 'driver.ts',
      scenario: 'scenarios/burst.json',
    })
    const opened = loadWorkspace(file)
    expect(opened.migratedFrom).toBe(1)
    expect(opened.workspace.version).toBe(WORKSPACE_VERSION)
    expect(opened.scripts).toEqual([join(folder, 'driver.ts')])
    expect(opened.scenario).toBe(join(folder, 'scenarios', 'burst.json'))
    // Defaults of cli.md for what version 1 left out: verifier standard, seed 1.
    expect(opened).toMatchObject({ verifier: 'standard', seed: 1, layout: {} })
  })

  it('saving a migrated workspace writes the current version', () => {
    const file = write('old.nicws', { format: WORKSPACE_FORMAT, version: 1, script: 'd.ts', seed: 9 })
    const opened = loadWorkspace(file)
    saveWorkspace(file, opened)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: WORKSPACE_VERSION, scripts: ['d.ts'] })
    expect(loadWorkspace(file).migratedFrom).toBeNull()
  })
})

describe('workspaces that cannot be opened', () => {
  it('refuses a newer version with a message that says to update', () => {
    const error = loadError(write('new.nicws', { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION + 1 }))
    expect(error.kind).toBe('newer')
    expect(error.message).toContain('newer NIC Workbench')
    expect(error.message).toContain(`version ${WORKSPACE_VERSION + 1}`)
  })

  it('reports a damaged (truncated) file as corrupt, naming the file', () => {
    const file = join(folder, 'cut.nicws')
    saveWorkspace(file, { scripts: [join(folder, 'a.ts')], scenario: null, verifier: 'standard', seed: 1 })
    const whole = readFileSync(file, 'utf8')
    writeFileSync(file, whole.slice(0, whole.length / 2))
    const error = loadError(file)
    expect(error.kind).toBe('corrupt')
    expect(error.message.startsWith(file)).toBe(true)
  })

  it('names the field that is wrong', () => {
    const error = loadError(
      write('bad.nicws', {
        format: WORKSPACE_FORMAT,
        version: 2,
        scripts: ['a.ts'],
        scenario: null,
        verifier: 'paranoid',
        seed: 1,
      }),
    )
    expect(error.kind).toBe('invalid')
    expect(error.message).toContain('verifier')
  })

  it.each([
    ['another JSON file', { name: 'x' }],
    ['an array', [1, 2]],
    ['a version that is not a number', { format: WORKSPACE_FORMAT, version: '2' }],
    ['version 0', { format: WORKSPACE_FORMAT, version: 0 }],
  ])('refuses %s', (_what, json) => {
    expect(loadError(write('x.nicws', json)).kind).toBe('invalid')
  })

  it('reports a missing file as unreadable', () => {
    expect(loadError(join(folder, 'none.nicws')).kind).toBe('unreadable')
  })
})
