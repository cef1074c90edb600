import { describe, expect, it } from 'vitest'
import { ProtocolSchema } from '../../../core/protocol/options'

describe('protocol options (scenario "protocol")', () => {
  it('defaults: hold 50 µs fixed, keep every SUCCESS indication, check stream 1, send nothing', () => {
    const c = ProtocolSchema.parse({})
    expect(c.holdTime).toEqual({ distribution: 'fixed', ns: 50_000 })
    expect(c.keepFraction).toBe(1)
    expect(c.receiveStream).toBe(1)
    expect(c.send).toMatchObject({ rateFps: 0, bytes: 60, batch: 1, packets: 32, stream: 2 })
  })

  it('accepts the three hold-time distributions and partial send settings', () => {
    for (const holdTime of [
      { distribution: 'fixed', ns: 0 },
      { distribution: 'uniform', minNs: 1000, maxNs: 1000 },
      { distribution: 'exponential', meanNs: 20_000 },
    ]) {
      expect(ProtocolSchema.safeParse({ holdTime }).success).toBe(true)
    }
    expect(ProtocolSchema.parse({ send: { rateFps: 5000 } }).send).toMatchObject({ rateFps: 5000, batch: 1 })
  })

  it('rejects what a protocol cannot do, naming the field', () => {
    const bad = [
      { holdTime: { distribution: 'uniform', minNs: 10, maxNs: 5 } },
      { holdTime: { distribution: 'fixed', ns: -1 } },
      { holdTime: { distribution: 'fixed', ns: 1.5 } },
      { holdTime: { distribution: 'normal', meanNs: 1 } },
      { keepFraction: 1.5 },
      { send: { bytes: 59 } },
      { send: { bytes: 1515 } },
      { send: { batch: 0 } },
      { send: { rateFps: -1 } },
      { send: { destination: 'nowhere' } },
      { sendRate: 10 },
    ]
    for (const b of bad) {
      const r = ProtocolSchema.safeParse(b)
      expect(r.success, JSON.stringify(b)).toBe(false)
      const issue = r.error!.issues[0]
      const named = issue.path.length > 0 || (issue.code === 'unrecognized_keys' && issue.keys.includes('sendRate'))
      expect(named, JSON.stringify(issue)).toBe(true)
    }
  })
})
