// Issue "Workspace and data safety": a save killed midway loses nothing. A child process saves a large workspace over
// and over and is killed (SIGKILL) at a random moment; after every kill the file is the old complete content or the
// new complete content, never a part, and leftover temporary files do not confuse the next load or save.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AutosaveStore } from '../../../main/workspace/autosave'
import { loadWorkspace, saveWorkspace, serializeWorkspace } from '../../../main/workspace/workspace-file'
import { bigContent } from './big-content'

const CHILD = join(__dirname, 'save-child.ts')
const SIZE = 4 * 1024 * 1024
const KILLS = 6
const folders: string[] = []

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'nicws-kill-'))
  folders.push(folder)
  return folder
}

/** Starts the saving child, waits until it is in its loop, kills it after a random pause; resolves on its exit. */
function killMidway(mode: 'workspace' | 'autosave', target: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, target, String(SIZE)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    child.once('error', reject)
    child.stdout.once('data', () => {
      setTimeout(() => child.kill('SIGKILL'), 20 + Math.floor(Math.random() * 200))
    })
    child.once('exit', (_code, signal) => resolvePromise(signal))
  })
}

describe('a save killed midway', () => {
  it('leaves the workspace file whole: old or new content, never partial', async () => {
    const folder = tempFolder()
    const file = join(folder, 'big.nicws')
    saveWorkspace(file, bigContent(file, 'A', SIZE))
    const complete = new Set([
      serializeWorkspace(file, bigContent(file, 'A', SIZE)),
      serializeWorkspace(file, bigContent(file, 'B', SIZE)),
    ])
    for (let kill = 0; kill < KILLS; kill++) {
      expect(await killMidway('workspace', file)).toBe('SIGKILL')
      expect(complete.has(readFileSync(file, 'utf8'))).toBe(true)
      const opened = loadWorkspace(file)
      expect(['standard', 'full']).toContain(opened.verifier)
      expect(opened.layout['filler']).toHaveLength(SIZE)
    }
    // The next save clears what the killed saves left behind, and the file reads back as saved.
    saveWorkspace(file, bigContent(file, 'A', 16))
    expect(readdirSync(folder)).toEqual(['big.nicws'])
    expect(loadWorkspace(file).layout['filler']).toBe('A'.repeat(16))
  })

  it('leaves unsaved editor text recoverable after the app is killed', async () => {
    const dataDir = tempFolder()
    const store = new AutosaveStore(dataDir)
    for (let kill = 0; kill < KILLS / 2; kill++) {
      expect(await killMidway('autosave', dataDir)).toBe('SIGKILL')
      const offered = store.recoverable()
      expect(offered).toHaveLength(1)
      expect(offered[0]!.key).toBe('untitled:1')
      expect([('A' as string).repeat(SIZE), 'B'.repeat(SIZE)]).toContain(offered[0]!.text)
    }
    expect(store.recoverable()).toHaveLength(1)
  })
})
