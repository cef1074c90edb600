// Re-query a view's data while it is shown: on an interval while the run runs, once whenever the run state changes.
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

export function usePolling(
  refresh: () => Promise<void>,
  intervalMs: number,
  running: Ref<boolean>,
  state: Ref<unknown>,
): void {
  let timer: ReturnType<typeof setInterval> | undefined
  let inFlight = false
  const once = async () => {
    if (inFlight) return
    inFlight = true
    try {
      await refresh()
    } finally {
      inFlight = false
    }
  }
  const arm = () => {
    clearInterval(timer)
    timer = running.value ? setInterval(() => void once(), intervalMs) : undefined
  }
  onMounted(() => {
    void once()
    arm()
  })
  watch(state, () => {
    void once()
    arm()
  })
  onBeforeUnmount(() => clearInterval(timer))
}
