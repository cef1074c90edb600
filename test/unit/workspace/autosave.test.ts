// Issue "Workspace and data safety": unsaved editor text is autosaved to the app's data folder and offered back after
// a crash or a kill; saving the document withdraws the offer.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AutosaveStore, Autosaver } from '../../../main/workspace/autosave'
import { RECENT_LIMIT, RecentFiles } from '../../../main/workspace/recent-files'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'nicws-data-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

describe('autosave and recovery', () => {
  it('offers unsaved text back, newest first, to a new store (the next start of the app)', () => {
    const file = join(dataDir, 'driver.ts')
    writeFileSync(file, 'saved text')
    const store = new AutosaveStore(dataDir)
    store.save(file, file, 'edited text', 1000)
    store.save('untitled:1', null, 'new script', 2000)
    const offered = new AutosaveStore(dataDir).recoverable()
    expect(offered.map((entry) => entry.key)).toEqual(['untitled:1', file])
    expect(offered[1]).toMatchObject({ file, text: 'edited text', diskText: 'saved text' })
  })

  it('does not offer text that equals the file on disk, nor text whose document was saved', () => {
    const file = join(dataDir, 'driver.ts')
    writeFileSync(file, 'same')
    const store = new AutosaveStore(dataDir)
    store.save(file, file, 'same')
    store.save('untitled:2', null, 'x')
    store.discard('untitled:2')
    expect(store.recoverable()).toEqual([])
  })

  it('skips damaged entries and leftovers of interrupted autosaves', () => {
    const store = new AutosaveStore(dataDir)
    store.save('untitled:1', null, 'kept')
    writeFileSync(join(store.folder, 'ffff.json'), '{"format":"nic-workbench-autosave","vers')
    writeFileSync(join(store.folder, '.abc.json.123.def.tmp'), '{"half')
    expect(store.recoverable().map((entry) => entry.text)).toEqual(['kept'])
  })

  it('writes once the typing pauses, and flushes pending text at once', () => {
    const store = new AutosaveStore(dataDir)
    const timers: Array<{ callback: () => void; live: boolean }> = []
    const autosaver = new Autosaver(store, 500, {
      setTimeout: (callback) => {
        const timer = { callback, live: true }
        timers.push(timer)
        return timer
      },
      clearTimeout: (timer) => ((timer as { live: boolean }).live = false),
    })
    autosaver.changed('untitled:1', null, 'a')
    autosaver.changed('untitled:1', null, 'ab')
    expect(store.recoverable()).toEqual([])
    for (const timer of timers) if (timer.live) timer.callback()
    expect(store.recoverable().map((entry) => entry.text)).toEqual(['ab'])
    autosaver.changed('untitled:1', null, 'abc')
    autosaver.flush()
    expect(store.recoverable().map((entry) => entry.text)).toEqual(['abc'])
    autosaver.saved('untitled:1')
    expect(store.recoverable()).toEqual([])
    expect(readdirSync(store.folder)).toEqual([])
  })
})

describe('recent workspaces', () => {
  it('keeps the newest first, without duplicates or files that are gone, up to the limit', () => {
    const recent = new RecentFiles(dataDir)
    const files = Array.from({ length: RECENT_LIMIT + 2 }, (_, i) => join(dataDir, `w${i}.nicws`))
    for (const file of files) writeFileSync(file, '{}')
    for (const file of files) recent.add(file)
    recent.add(files[3]!)
    const list = new RecentFiles(dataDir).list()
    expect(list).toHaveLength(RECENT_LIMIT)
    expect(list[0]).toBe(files[3])
    expect(new Set(list).size).toBe(list.length)
    rmSync(files[3]!)
    expect(recent.list()).not.toContain(files[3])
  })

  it('reads a damaged list as empty', () => {
    writeFileSync(join(dataDir, 'recent-workspaces.json'), 'not json')
    expect(new RecentFiles(dataDir).list()).toEqual([])
  })
})
