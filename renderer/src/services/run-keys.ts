// The debugger keys (product README, "Run bar"): what each key does in each run state.
import type { RunState } from '../../../core/api/workbench-api'

/** What a run-bar key or button asks for; the store turns it into the WorkbenchApi call (start, or resumeRun …). */
export type RunBarAction = 'start' | 'resume' | 'pause' | 'step' | 'stop'

export interface KeyChord {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
}

/** F5 runs or continues, Shift+F5 stops, F6 pauses, F10 steps one event (starting paused when idle). */
export function runBarActionFor(chord: KeyChord, state: RunState): RunBarAction | null {
  if (chord.ctrlKey || chord.altKey || chord.metaKey) return null
  const live = state === 'running' || state === 'paused'
  switch (chord.key) {
    case 'F5':
      if (chord.shiftKey) return live ? 'stop' : null
      return state === 'paused' ? 'resume' : state === 'running' ? null : 'start'
    case 'F6':
      return !chord.shiftKey && state === 'running' ? 'pause' : null
    case 'F10':
      if (chord.shiftKey) return null
      return state === 'paused' ? 'step' : state === 'running' ? null : 'step'
    default:
      return null
  }
}
