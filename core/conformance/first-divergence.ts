// `nicbench diff`: where two runs of the same script part ways — the first question a deterministic run answers
// that a live kernel cannot. Two traces (`--trace`) are compared event by event: the first event that differs, its
// index and virtual time, and what differed. Two reports (`--report`, or `nicbench test` reports) are compared field
// by field in document order, wall-clock facts aside: the first field that differs and both values.

export interface Divergence {
  /** JSON path of the first difference (`protocol.indicated`, `traceEvents[1042].args.status`). */
  path: string
  a: string
  b: string
  /** For traces: the index of the first differing event and its virtual time (µs, as the trace writes it). */
  event?: { index: number; ts: number | null; name: string | null }
}

/** Fields that differ between two runs of the same inputs by design. */
const WALL_CLOCK = new Set(['wallClock'])

const text = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v))

function firstDifference(a: unknown, b: unknown, path: string): { path: string; a: unknown; b: unknown } | null {
  if (Object.is(a, b)) return null
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return { path, a, b }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`)
      if (d) return d
    }
    if (a.length !== b.length) return { path: `${path}.length`, a: a.length, b: b.length }
    return null
  }
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  const keys = [...Object.keys(ra), ...Object.keys(rb).filter((k) => !(k in ra))]
  for (const k of keys) {
    if (path === '' && WALL_CLOCK.has(k)) continue
    const d = firstDifference(ra[k], rb[k], path ? `${path}.${k}` : k)
    if (d) return d
  }
  return null
}

function isTrace(v: unknown): v is { traceEvents: { ts?: number; name?: string }[] } {
  return typeof v === 'object' && v !== null && Array.isArray((v as { traceEvents?: unknown }).traceEvents)
}

/** The first divergence of two parsed JSON documents of the same kind, or null when they agree. */
export function firstDivergence(a: unknown, b: unknown): Divergence | null {
  if (isTrace(a) && isTrace(b)) {
    const ea = a.traceEvents
    const eb = b.traceEvents
    for (let i = 0; i < Math.max(ea.length, eb.length); i++) {
      const d = firstDifference(ea[i], eb[i], `traceEvents[${i}]`)
      if (!d) continue
      const at = ea[i] ?? eb[i]
      return {
        path: d.path,
        a: text(d.a),
        b: text(d.b),
        event: {
          index: i,
          ts: typeof at?.ts === 'number' ? at.ts : null,
          name: typeof at?.name === 'string' ? at.name : null,
        },
      }
    }
    return null
  }
  const d = firstDifference(a, b, '')
  return d ? { path: d.path || '(the whole document)', a: text(d.a), b: text(d.b) } : null
}
