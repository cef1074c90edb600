// The figures every benchmark reports, in one shape. With `--json` each figure is one JSON object on its own line
// of stdout — {"bench","figure","value","unit","baseline","ratio","goal","met"} — and the text for people goes to
// stderr; without it the text goes to stdout and no JSON is printed.

/** Bounds a figure must stay within; both ends optional. */
export interface Bound {
  min?: number
  max?: number
}

/** What must hold for the goal to be met: bounds on the value itself, on value / baseline, or on both. */
export interface Goal {
  value?: Bound
  ratio?: Bound
}

/** The limit a figure is compared with, measured in the same run. */
export interface Baseline {
  name: string
  value: number
  unit: string
}

export interface Figure {
  bench: string
  figure: string
  value: number
  unit: string
  baseline: Baseline | null
  /** value / baseline.value, or null without a baseline. */
  ratio: number | null
  /** null: information only. */
  goal: Goal | null
  /** Whether every bound of the goal holds; null without a goal. */
  met: boolean | null
}

function within(x: number | null, b: Bound | undefined): boolean {
  if (b === undefined) return true
  if (x === null || !Number.isFinite(x)) return false
  return (b.min === undefined || x >= b.min) && (b.max === undefined || x <= b.max)
}

export function makeFigure(
  bench: string,
  figure: string,
  value: number,
  unit: string,
  baseline: Baseline | null = null,
  goal: Goal | null = null,
): Figure {
  const ratio = baseline === null ? null : value / baseline.value
  const met = goal === null ? null : within(value, goal.value) && within(ratio, goal.ratio)
  return { bench, figure, value, unit, baseline, ratio, goal, met }
}

function boundText(b: Bound, suffix: string): string {
  if (b.min !== undefined && b.max !== undefined) return `${b.min}${suffix}–${b.max}${suffix}`
  return b.min !== undefined ? `≥ ${b.min}${suffix}` : `≤ ${b.max}${suffix}`
}

/** The goal in words: "≥ 0.8× the bare free list", "≤ 16.7 ms and ≤ 1.2× idle". */
export function goalText(f: Figure): string {
  if (f.goal === null) return 'information'
  const parts: string[] = []
  if (f.goal.value) parts.push(boundText(f.goal.value, ` ${f.unit}`))
  if (f.goal.ratio) parts.push(`${boundText(f.goal.ratio, '×')} ${f.baseline?.name ?? 'the baseline'}`)
  return parts.join(' and ')
}

/** Numbers as people read them: 3 significant digits, k/M for large counts. */
export function amount(n: number, unit: string): string {
  if (!Number.isFinite(n)) return `${n} ${unit}`
  const abs = Math.abs(n)
  const digits = (x: number) =>
    Number.isInteger(x) || Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2)
  if (abs >= 1e6) return `${digits(n / 1e6)} M ${unit}`
  if (abs >= 1e4) return `${digits(n / 1e3)} k ${unit}`
  return `${digits(n)} ${unit}`
}

/** One line for people: the figure, its baseline and ratio, the goal and whether it is met. */
export function figureText(f: Figure): string {
  const base = f.baseline
    ? `  vs ${f.baseline.name} ${amount(f.baseline.value, f.baseline.unit)} = ${f.ratio!.toFixed(3)}×`
    : ''
  const goal = f.goal ? `  goal ${goalText(f)}: ${f.met ? 'met' : 'NOT met'}` : ''
  return `${f.figure}: ${amount(f.value, f.unit)}${base}${goal}`
}

/** Where a benchmark prints: JSON lines of figures on stdout with `--json`, text for people otherwise. */
export class FigureOutput {
  readonly json: boolean
  readonly figures: Figure[] = []

  constructor(
    readonly bench: string,
    argv: readonly string[] = process.argv.slice(2),
  ) {
    this.json = argv.includes('--json')
  }

  /** Text for people (stderr with --json, so stdout stays JSON). */
  text(line = ''): void {
    ;(this.json ? process.stderr : process.stdout).write(line + '\n')
  }

  /** Records a figure: a JSON line with --json, and its text line either way. */
  figure(
    figure: string,
    value: number,
    unit: string,
    baseline: Baseline | null = null,
    goal: Goal | null = null,
  ): Figure {
    const f = makeFigure(this.bench, figure, value, unit, baseline, goal)
    this.figures.push(f)
    if (this.json) process.stdout.write(JSON.stringify(f) + '\n')
    this.text(figureText(f))
    return f
  }
}
