// A driver may program the 82540EM with anything: any sequence of register accesses at any offset, width and value,
// with frames arriving and time passing, leaves the model answering (no host exception, no endless loop), every
// register a 32-bit value and every total a count.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { E1000_REGISTERS } from '../../../core/controller/e1000-registers'
import { frameTo, linkUp, makeE1000, set32, setUpReceive, setUpTransmit } from './e1000-rig'

const OWN = [0x02, 0x00, 0x4e, 0x57, 0x42, 0x01]
const known = E1000_REGISTERS.map((r) => r.offset)

type Op =
  | { op: 'write'; offset: number; width: number; value: number }
  | { op: 'read'; offset: number; width: number }
  | { op: 'frame'; length: number }
  | { op: 'descriptor'; slot: number; word: number; value: number }
  | { op: 'time'; ns: number }

const offset = fc.oneof(
  fc.constantFrom(...known),
  fc.integer({ min: -8, max: 0x20008 }),
  fc.constantFrom(0.5, NaN, Infinity),
)
const width = fc.constantFrom(1, 2, 4, 3, 8)
const value = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(0, 0xffffffff, 1 << 26, 2, -1))
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('write' as const), offset, width, value }),
  fc.record({ op: fc.constant('read' as const), offset, width }),
  fc.record({ op: fc.constant('frame' as const), length: fc.integer({ min: 0, max: 9000 }) }),
  fc.record({
    op: fc.constant('descriptor' as const),
    slot: fc.integer({ min: 0, max: 15 }),
    word: fc.integer({ min: 0, max: 3 }),
    value,
  }),
  fc.record({ op: fc.constant('time' as const), ns: fc.integer({ min: 0, max: 200_000 }) }),
)

describe('82540EM under hostile programming', () => {
  it('never throws, and every register and total keeps its shape', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const r = makeE1000({ permanentAddress: OWN, datasheet: () => undefined, isSharedMemory: () => false })
        linkUp(r)
        const rx = setUpReceive(r, 16)
        const tx = setUpTransmit(r, 16)
        for (const o of ops) {
          if (o.op === 'write') r.c.writeRegister(o.offset, o.width, o.value)
          else if (o.op === 'read') r.c.readRegister(o.offset, o.width)
          else if (o.op === 'frame') r.c.testControl.injectFrame(frameTo(OWN, Math.max(o.length, 14)), o.length)
          else if (o.op === 'descriptor') {
            set32(r, rx.ring + o.slot * 16 + o.word * 4, o.value)
            set32(r, tx.ring + o.slot * 16 + o.word * 4, o.value)
          } else r.run(o.ns)
        }
        r.run(1_000_000)
        // Every register still reads as a 32-bit unsigned value, and every total is a count.
        for (const at of known) {
          const v = r.c.readRegister(at, 4)
          expect(Number.isInteger(v) && v >= 0 && v <= 0xffffffff, `offset ${at}`).toBe(true)
        }
        for (const [name, n] of Object.entries(r.c.statistics().totals))
          expect(Number.isInteger(n) && n >= 0, name).toBe(true)
      }),
      { numRuns: 300, seed: 16 },
    )
  })
})
