// The main window's size, position, maximised and full-screen state, remembered across runs in the app's data
// folder. A saved position that no display shows any more (a monitor was unplugged) is dropped, so the window
// never opens off screen.
import type { BrowserWindow, Rectangle } from 'electron'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../workspace/atomic-write'

export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
  fullScreen: boolean
}

export interface WindowLimits {
  width: number
  height: number
  minWidth: number
  minHeight: number
}

/** How much of the window's title bar must be on a display for the saved position to be kept. */
const VISIBLE_WIDTH = 100
const VISIBLE_HEIGHT = 40

const int = z.number().int().min(-100_000).max(100_000)
const savedState = z.object({
  x: int.optional(),
  y: int.optional(),
  width: int,
  height: int,
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
})

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  }
}

/**
 * The state to open the window with: the saved one, sizes kept within the limits and the largest display, the
 * position dropped (Electron centres the window) unless the top of the window is on a display's work area.
 */
export function restoreState(saved: unknown, workAreas: readonly Rectangle[], limits: WindowLimits): WindowState {
  const fallback: WindowState = { width: limits.width, height: limits.height, maximized: false, fullScreen: false }
  const parsed = savedState.safeParse(saved)
  if (!parsed.success) return fallback
  const state = parsed.data
  const maxWidth = Math.max(limits.minWidth, ...workAreas.map((area) => area.width))
  const maxHeight = Math.max(limits.minHeight, ...workAreas.map((area) => area.height))
  const width = Math.min(Math.max(state.width, limits.minWidth), maxWidth)
  const height = Math.min(Math.max(state.height, limits.minHeight), maxHeight)
  const restored: WindowState = { width, height, maximized: state.maximized, fullScreen: state.fullScreen }
  if (state.x === undefined || state.y === undefined) return restored
  const titleBar = { x: state.x, y: state.y, width, height: VISIBLE_HEIGHT }
  const visible = workAreas.some((area) => {
    const shown = overlap(titleBar, area)
    return shown.width >= Math.min(VISIBLE_WIDTH, width) && shown.height >= VISIBLE_HEIGHT
  })
  return visible ? { ...restored, x: state.x, y: state.y } : restored
}

/** What to remember of a window: its normal (not maximised) bounds and the flags. */
export function captureState(window: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'isFullScreen'>) {
  const bounds = window.getNormalBounds()
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    maximized: window.isMaximized(),
    fullScreen: window.isFullScreen(),
  } satisfies WindowState
}

export class WindowStateStore {
  readonly file: string

  /** `dataDir` is the app's data folder (Electron's `userData`). */
  constructor(dataDir: string) {
    this.file = join(dataDir, 'window-state.json')
  }

  read(): unknown {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as unknown
    } catch {
      return null
    }
  }

  write(state: WindowState): void {
    mkdirSync(join(this.file, '..'), { recursive: true })
    writeFileAtomic(this.file, JSON.stringify(state))
  }
}

/** Remembers the window's state when it closes. */
export function rememberWindowState(
  window: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'isFullScreen' | 'on'>,
  store: WindowStateStore,
): void {
  window.on('close', () => {
    try {
      store.write(captureState(window))
    } catch {
      // a read-only data folder must not stop the window from closing
    }
  })
}
