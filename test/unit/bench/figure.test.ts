// The figure format every benchmark prints (bench/figure.ts): the fields a script reads, the ratio to the baseline,
// and whether the goal is met, bound by bound.
import { describe, expect, it } from 'vitest'
import { figureText, goalText, makeFigure } from '../../../bench/figure'

const bare = { name: 'the bare list', value: 20, unit: 'pairs/s' }

describe('benchmark figures', () => {
  it('carries exactly the fields of the JSON line, in order', () => {
    const f = makeFigure('pool', 'pairs', 17, 'pairs/s', bare, { ratio: { min: 0.8 } })
    expect(Object.keys(f)).toEqual(['bench', 'figure', 'value', 'unit', 'baseline', 'ratio', 'goal', 'met'])
    expect(JSON.parse(JSON.stringify(f))).toEqual({
      bench: 'pool',
      figure: 'pairs',
      value: 17,
      unit: 'pairs/s',
      baseline: bare,
      ratio: 0.85,
      goal: { ratio: { min: 0.8 } },
      met: true,
    })
  })

  it('meets a goal only when every bound holds', () => {
    const idle = { name: 'idle', value: 16, unit: 'ms' }
    const goal = { value: { max: 16.7 }, ratio: { max: 1.2 } }
    expect(makeFigure('ui', 'p95', 16.6, 'ms', idle, goal).met).toBe(true)
    expect(makeFigure('ui', 'p95', 16.8, 'ms', idle, goal).met).toBe(false) // value over, ratio within
    expect(makeFigure('ui', 'p95', 16.6, 'ms', { ...idle, value: 10 }, goal).met).toBe(false) // ratio over
    expect(makeFigure('pool', 'pairs', 15, 'pairs/s', bare, { ratio: { min: 0.8 } }).met).toBe(false)
    expect(
      makeFigure('pool', 'bytes', 171, 'bytes', { name: 'layout', value: 156, unit: 'bytes' }, { ratio: { max: 1.25 } })
        .met,
    ).toBe(true)
  })

  it('information has no goal and no verdict; no baseline means no ratio', () => {
    const f = makeFigure('rx', 'line rate', 2e5, 'frames/s')
    expect(f).toMatchObject({ baseline: null, ratio: null, goal: null, met: null })
    expect(goalText(f)).toBe('information')
  })

  it('a ratio to a baseline of zero cannot meet a ratio goal', () => {
    const f = makeFigure('x', 'y', 1, 'u', { name: 'z', value: 0, unit: 'u' }, { ratio: { max: 2 } })
    expect(f.met).toBe(false)
  })

  it('reads for people: value, baseline, ratio, goal and verdict', () => {
    const f = makeFigure('pool', 'pairs', 17e6, 'pairs/s', { ...bare, value: 20e6 }, { ratio: { min: 0.8 } })
    expect(figureText(f)).toBe(
      'pairs: 17 M pairs/s  vs the bare list 20 M pairs/s = 0.850×  goal ≥ 0.8× the bare list: met',
    )
  })
})
