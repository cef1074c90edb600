// Issue "Workspace and data safety": an opened workspace's scripts and scenario are read by the main process (the page
// is sandboxed) and written back only to those files. These are the main process's own functions on real files in a
// temporary folder; the Electron IPC around them (main/index.ts) is the boundary not launched here.
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { desktopArgs } from '../../../main/desktop-ipc'
import { loadWorkspace, saveWorkspace } from '../../../main/workspace/workspace-file'
import {
  EditableFiles,
  MAX_TEXT_BYTES,
  SaveRefused,
  readTextFile,
  readWorkspaceTexts,
  workspaceMessage,
} from '../../../main/workspace/workspace-texts'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'nicws-texts-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

function file(name: string, content: string | Uint8Array): string {
  const path = join(folder, name)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, content)
  return path
}

/** A workspace on disk naming `scripts` and `scenario` (absolute paths), opened the way the app opens it. */
function openWorkspace(scripts: string[], scenario: string | null) {
  const ws = join(folder, 'lab.nicws')
  saveWorkspace(ws, { scripts, scenario, verifier: 'full', seed: 9, layout: { sideWidth: 320 } })
  const opened = loadWorkspace(ws)
  return { opened, texts: readWorkspaceTexts(opened) }
}

describe('reading the files a workspace names', () => {
  it('sends the scripts then the scenario with their UTF-8 text, beside the settings', () => {
    const miniport = file('src/miniport.ts', '// Äther NIC\nexport function MiniportInitialize() {}\n')
    const helpers = file('src/helpers.ts', 'export const MTU = 1514\n')
    const scenario = file('flood.json', '{"name":"flood"}')
    const { opened, texts } = openWorkspace([miniport, helpers], scenario)
    expect(workspaceMessage(opened, texts)).toEqual({
      file: join(folder, 'lab.nicws'),
      scripts: [miniport, helpers],
      scenario,
      verifier: 'full',
      seed: 9,
      layout: { sideWidth: 320 },
      texts: [
        { path: miniport, text: '// Äther NIC\nexport function MiniportInitialize() {}\n', error: null },
        { path: helpers, text: 'export const MTU = 1514\n', error: null },
        { path: scenario, text: '{"name":"flood"}', error: null },
      ],
    })
  })

  it('a file that cannot be read gets its own error; the others still open', () => {
    const miniport = file('miniport.ts', '// driver')
    const missing = join(folder, 'gone.ts')
    const folderAsScript = join(folder, 'src')
    mkdirSync(folderAsScript)
    const binary = file('blob.json', Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d))
    const { texts } = openWorkspace([missing, miniport, folderAsScript], binary)
    expect(texts).toEqual([
      { path: missing, text: null, error: 'no such file' },
      { path: miniport, text: '// driver', error: null },
      { path: folderAsScript, text: null, error: 'not a file' },
      { path: binary, text: null, error: 'not UTF-8 text' },
    ])
  })

  it('refuses a file over 16 MiB without reading it into memory', () => {
    const big = file('huge.ts', '')
    truncateSync(big, MAX_TEXT_BYTES + 1)
    expect(readTextFile(big)).toEqual({ path: big, text: null, error: 'larger than 16 MiB' })
    const limit = file('limit.ts', '')
    truncateSync(limit, MAX_TEXT_BYTES)
    expect(readTextFile(limit).text).toHaveLength(MAX_TEXT_BYTES)
  })

  it('a workspace with no scenario and no scripts has no texts', () => {
    expect(openWorkspace([], null).texts).toEqual([])
  })
})

describe('saving text back', () => {
  it('writes the edited text over a script and the scenario of the opened workspace', () => {
    const miniport = file('src/miniport.ts', '// old')
    const scenario = file('flood.json', '{}')
    const editable = new EditableFiles()
    editable.open(openWorkspace([miniport], scenario).texts)
    editable.save(miniport, '// new driver\n')
    editable.save(scenario, '{"name":"flood"}\n')
    expect(readFileSync(miniport, 'utf8')).toBe('// new driver\n')
    expect(readFileSync(scenario, 'utf8')).toBe('{"name":"flood"}\n')
    // Written through a temporary file and a rename: nothing is left beside the files.
    expect(readdirSync(join(folder, 'src'))).toEqual(['miniport.ts'])
  })

  it('refuses every path the opened workspace does not name, and leaves those files alone', () => {
    const miniport = file('miniport.ts', '// driver')
    const outsider = file('notes.txt', 'keep me')
    const editable = new EditableFiles()
    editable.open(openWorkspace([miniport], null).texts)
    for (const path of [
      outsider,
      join(folder, 'lab.nicws'),
      join(folder, 'new.ts'),
      'miniport.ts',
      join(folder, 'sub', '..', 'notes.txt'),
    ]) {
      expect(() => editable.save(path, 'overwritten')).toThrow(SaveRefused)
    }
    expect(() => editable.save(outsider, 'x')).toThrow(`${outsider}: not a script or scenario of the opened workspace`)
    expect(readFileSync(outsider, 'utf8')).toBe('keep me')
    // The same file by a path that resolves to it is the same file.
    editable.save(join(folder, 'sub', '..', 'miniport.ts'), '// via ..')
    expect(readFileSync(miniport, 'utf8')).toBe('// via ..')
  })

  it('a file that did not open as text is not writable: saving the editor over it would damage it', () => {
    const binary = file('blob.json', Uint8Array.of(0xff, 0x00))
    const missing = join(folder, 'gone.ts')
    const editable = new EditableFiles()
    editable.open(openWorkspace([missing], binary).texts)
    expect(editable.allows(binary) || editable.allows(missing)).toBe(false)
    expect(() => editable.save(binary, '{}')).toThrow(SaveRefused)
    expect(readFileSync(binary)).toEqual(Buffer.from([0xff, 0x00]))
  })

  it('opening another workspace replaces the writable files; before any, nothing is writable', () => {
    const first = file('a/miniport.ts', '// a')
    const second = file('b/miniport.ts', '// b')
    const editable = new EditableFiles()
    expect(() => editable.save(first, '// x')).toThrow(SaveRefused)
    editable.open(openWorkspace([first], null).texts)
    editable.open(openWorkspace([second], null).texts)
    expect([editable.allows(first), editable.allows(second)]).toEqual([false, true])
    editable.clear()
    expect(editable.allows(second)).toBe(false)
  })

  it('a linked script is written where the link points, the link kept', () => {
    const real = file('real/miniport.ts', '// real')
    const link = join(folder, 'miniport.ts')
    try {
      symlinkSync(real, link)
    } catch {
      return // no symbolic links for this user (Windows without developer mode)
    }
    const editable = new EditableFiles()
    editable.open(openWorkspace([link], null).texts)
    editable.save(link, '// through the link')
    expect(readFileSync(real, 'utf8')).toBe('// through the link')
    expect(readFileSync(link, 'utf8')).toBe('// through the link')
  })

  it('the IPC arguments of saveTextFile are checked before the path is', () => {
    expect(desktopArgs('saveTextFile', ['/lab/miniport.ts', '// text'])).toEqual(['/lab/miniport.ts', '// text'])
    expect(() => desktopArgs('saveTextFile', ['', 'x'])).toThrow('invalid arguments of saveTextFile at 0')
    expect(() => desktopArgs('saveTextFile', ['/lab/miniport.ts', 42])).toThrow(
      'invalid arguments of saveTextFile at 1',
    )
    expect(() => desktopArgs('saveTextFile', ['/lab/miniport.ts'])).toThrow('invalid arguments of saveTextFile')
  })
})
