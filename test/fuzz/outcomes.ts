// The fuzz suite's outcome classes, counted and printed as a table. The goal is none of the last three.
export const OUTCOMES = ['ran', 'clear exit 2', 'finding/bug check', 'exit 3', 'hang', 'escape'] as const
export type Outcome = (typeof OUTCOMES)[number]

export class OutcomeTable {
  readonly counts = new Map<Outcome, number>(OUTCOMES.map((o) => [o, 0]))
  /** The first few cases of each bad outcome, to reproduce them. */
  readonly examples: { outcome: Outcome; what: string }[] = []

  add(outcome: Outcome, what: string): void {
    this.counts.set(outcome, this.counts.get(outcome)! + 1)
    if ((outcome === 'exit 3' || outcome === 'hang' || outcome === 'escape') && this.examples.length < 20)
      this.examples.push({ outcome, what })
  }

  get total(): number {
    let n = 0
    for (const c of this.counts.values()) n += c
    return n
  }

  bad(): number {
    return this.counts.get('exit 3')! + this.counts.get('hang')! + this.counts.get('escape')!
  }

  print(title: string, seed: number | null): void {
    const width = Math.max(...OUTCOMES.map((o) => o.length))
    const lines = [`${title}${seed === null ? '' : ` (seed ${seed}; NICBENCH_FUZZ_SEED=${seed} repeats it)`}`]
    for (const o of OUTCOMES) lines.push(`  ${o.padEnd(width)}  ${String(this.counts.get(o)).padStart(6)}`)
    lines.push(`  ${'total'.padEnd(width)}  ${String(this.total).padStart(6)}`)
    for (const e of this.examples) lines.push(`  ${e.outcome}: ${e.what}`)
    console.log(lines.join('\n'))
  }
}

/** The suite's seed: NICBENCH_FUZZ_SEED, or a fresh one (printed, so a failure can be repeated). */
export function fuzzSeed(): number {
  const given = process.env['NICBENCH_FUZZ_SEED']
  if (given !== undefined && /^\d+$/.test(given)) return Number(given) >>> 0
  return (Date.now() ^ (process.pid << 16)) >>> 0
}
