// Durations as users write them (cli.md --duration, scenario files): `500us`, `20ms`, `3s`, `250ns`, `1.5ms`, or a
// bare number of nanoseconds. Returned as integer nanoseconds.

const UNIT_NS: Readonly<Record<string, number>> = { ns: 1, us: 1_000, µs: 1_000, ms: 1_000_000, s: 1_000_000_000 }
const DURATION = /^(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s)?$/

/** Parses a duration; returns an error message instead of throwing. */
export function parseDuration(text: string | number): { ns: number } | { error: string } {
  if (typeof text === 'number') {
    return Number.isSafeInteger(text) && text >= 0
      ? { ns: text }
      : { error: `${text} is not a whole number of nanoseconds` }
  }
  const m = DURATION.exec(text.trim())
  if (!m) return { error: `"${text}" is not a duration (examples: 500us, 20ms, 3s)` }
  const ns = Math.round(Number(m[1]) * UNIT_NS[m[2] ?? 'ns']!)
  if (!Number.isSafeInteger(ns)) return { error: `"${text}" is too long` }
  return { ns }
}

/** `20ms`, `1.5s`, `750us` — the shortest exact form for a report or a progress line. */
export function formatDuration(ns: number): string {
  if (ns >= 1_000_000_000 && ns % 1_000_000 === 0) return `${ns / 1_000_000_000}s`
  if (ns >= 1_000_000 && ns % 1_000 === 0) return `${ns / 1_000_000}ms`
  if (ns >= 1_000) return `${ns / 1_000}us`
  return `${ns}ns`
}

/** A readable approximation for progress lines and status bars: `42.9ms`, `1.25s`, `730ns`. */
export function formatDurationShort(ns: number): string {
  if (ns >= 1_000_000_000) return `${(ns / 1_000_000_000).toFixed(2)}s`
  if (ns >= 1_000_000) return `${(ns / 1_000_000).toFixed(1)}ms`
  if (ns >= 1_000) return `${(ns / 1_000).toFixed(1)}us`
  return `${Math.round(ns)}ns`
}
