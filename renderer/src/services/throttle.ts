// Passes on the latest value at most once per interval: the first change starts the interval, the value current at
// its end is the one sent.

export interface Throttled<T> {
  push(value: T): void
  /** Sends what is pending now. */
  flush(): void
  /** Drops what is pending. */
  cancel(): void
}

export function throttled<T>(send: (value: T) => void, intervalMs: number): Throttled<T> {
  let pending: { value: T } | null = null
  let timer: ReturnType<typeof setTimeout> | null = null

  function fire(): void {
    timer = null
    if (!pending) return
    const { value } = pending
    pending = null
    send(value)
  }

  return {
    push(value) {
      pending = { value }
      timer ??= setTimeout(fire, intervalMs)
    },
    flush() {
      if (timer !== null) clearTimeout(timer)
      fire()
    },
    cancel() {
      if (timer !== null) clearTimeout(timer)
      timer = null
      pending = null
    },
  }
}
