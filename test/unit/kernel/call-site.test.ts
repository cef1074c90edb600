import { describe, expect, it } from 'vitest'
import { CallSites } from '../../../core/verifier/call-site'

describe('CallSites: where each script call was made', () => {
  it('gives one id per location and resolves it back', () => {
    const s = new CallSites()
    const a = s.register('driver.ts', 12, 3)
    const b = s.register('driver.ts', 40, 7)
    expect(a).not.toBe(b)
    expect(s.register('driver.ts', 12, 3)).toBe(a)
    expect(s.location(b)).toEqual({ file: 'driver.ts', line: 40, column: 7 })
  })

  it('id 0 and unknown ids resolve to an unknown location', () => {
    const s = new CallSites()
    expect(s.location(0).line).toBe(0)
    expect(s.location(999).file).toBe('<unknown>')
  })

  it('at() writes the current site into the cell the host shares', () => {
    const s = new CallSites()
    const id = s.at('x.ts', 5)
    expect(s.cell[0]).toBe(id)
    expect(s.format(id)).toBe('x.ts:5:1')
  })
})
