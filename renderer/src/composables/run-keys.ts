// F5 / Shift+F5 / F6 / F10 from anywhere: the window listens, and the editor registers the same keys as Monaco actions
// (Monaco swallows keys it handles, so both paths end here).
import { onBeforeUnmount, onMounted } from 'vue'
import { runBarActionFor, type KeyChord } from '../services/run-keys'
import { useRunStore } from '../stores/run'
import { useInspectStore } from '../stores/inspect'

const RUN_KEYS = new Set(['F5', 'F6', 'F10'])

export function runKey(chord: KeyChord): void {
  const run = useRunStore()
  const which = runBarActionFor(chord, run.state)
  if (!which) return
  if (which === 'start' || (which === 'step' && !run.live)) useInspectStore().clearRun()
  void run.command(which)
}

export function useRunKeys(): void {
  const onKey = (event: KeyboardEvent) => {
    if (!RUN_KEYS.has(event.key) || event.defaultPrevented) return
    event.preventDefault()
    runKey(event)
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
