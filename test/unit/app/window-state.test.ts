// Issue "Electron application": the window state is remembered, and a window never reopens off screen.
// Electron itself is the boundary we cannot launch here: displays and the window are plain objects with Electron's
// shapes (screen.getAllDisplays()[i].workArea, BrowserWindow.getNormalBounds()).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WindowStateStore, rememberWindowState, restoreState } from '../../../main/app/window-state'

const LIMITS = { width: 1400, height: 900, minWidth: 900, minHeight: 600 }
const LAPTOP = { x: 0, y: 0, width: 1920, height: 1050 }
const MONITOR = { x: 1920, y: 0, width: 2560, height: 1400 }

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'nicws-window-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

describe('window state', () => {
  it('reopens where it was closed, with its size and flags', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: true, fullScreen: false }
    expect(restoreState(saved, [LAPTOP, MONITOR], LIMITS)).toEqual(saved)
  })

  it('drops a position no display shows any more (the monitor was unplugged)', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false, fullScreen: false }
    const restored = restoreState(saved, [LAPTOP], LIMITS)
    expect(restored.x).toBeUndefined()
    expect(restored).toMatchObject({ width: 1600, height: 1000 })
  })

  it('drops a position whose title bar is above the screen', () => {
    expect(restoreState({ x: 100, y: -500, width: 1000, height: 700 }, [LAPTOP], LIMITS).y).toBeUndefined()
  })

  it('keeps sizes between the minimum and the largest display', () => {
    expect(restoreState({ width: 10, height: 10 }, [LAPTOP], LIMITS)).toMatchObject({ width: 900, height: 600 })
    expect(restoreState({ width: 9000, height: 9000 }, [LAPTOP], LIMITS)).toMatchObject({ width: 1920, height: 1050 })
  })

  it.each([null, 'x', { width: 'wide' }, { width: Number.NaN, height: 2 }, { width: 1e12, height: 800 }])(
    'falls back to the default size for a damaged saved state (%j)',
    (saved) => {
      expect(restoreState(saved, [LAPTOP], LIMITS)).toEqual({
        width: 1400,
        height: 900,
        maximized: false,
        fullScreen: false,
      })
    },
  )

  it('is written when the window closes and read back at the next start', () => {
    const store = new WindowStateStore(dataDir)
    const listeners = new Map<string, () => void>()
    rememberWindowState(
      {
        getNormalBounds: () => ({ x: 40, y: 30, width: 1200, height: 800 }),
        isMaximized: () => true,
        isFullScreen: () => false,
        on: ((name: string, listener: () => void) => listeners.set(name, listener)) as never,
      },
      store,
    )
    listeners.get('close')!()
    expect(restoreState(new WindowStateStore(dataDir).read(), [LAPTOP], LIMITS)).toEqual({
      x: 40,
      y: 30,
      width: 1200,
      height: 800,
      maximized: true,
      fullScreen: false,
    })
  })

  it('reads a damaged state file as nothing saved', () => {
    const store = new WindowStateStore(dataDir)
    writeFileSync(store.file, '{"x":')
    expect(restoreState(store.read(), [LAPTOP], LIMITS)).toMatchObject({ width: 1400, height: 900 })
  })
})
