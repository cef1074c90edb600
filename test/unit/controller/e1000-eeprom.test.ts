// The 82540EM's EEPROM (8254x SDM §5, §13.4.3 EECD, §13.4.4 EERD): 64 words, the address in words 0–2, a checksum
// that makes them sum to 0xBABA; read through EERD and by bit-banging EECD.
import { describe, expect, it } from 'vitest'
import { EEPROM_CHECKSUM_SUM, eepromSum } from '../../../core/controller/e1000-eeprom'
import {
  EECD_CS,
  EECD_DI,
  EECD_DO,
  EECD_GNT,
  EECD_REQ,
  EECD_SK,
  EERD_DONE,
  EERD_START,
} from '../../../core/controller/e1000-registers'
import { makeE1000, type E1000Rig } from './e1000-rig'

const MAC = [0x52, 0x54, 0x00, 0x12, 0x34, 0x56]

function eerdRead(r: E1000Rig, word: number): { polls: number; data: number } {
  r.write('EERD', EERD_START | (word << 8))
  for (let polls = 1; polls < 10; polls++) {
    const v = r.read('EERD')
    if ((v & EERD_DONE) !== 0) return { polls, data: v >>> 16 }
  }
  throw new Error('EERD never completed')
}

/** The Microwire READ of SDM §5.3.1, as e1000_shift_out_ee_bits / e1000_shift_in_ee_bits do it. */
function bitBangRead(r: E1000Rig, word: number): number {
  r.write('EECD', EECD_REQ)
  expect(r.read('EECD') & EECD_GNT).toBe(EECD_GNT)
  const set = (v: number) => r.write('EECD', EECD_REQ | v)
  set(EECD_CS)
  const bits = (0b110 << 6) | word // start bit, READ opcode, six address bits
  for (let i = 8; i >= 0; i--) {
    const di = (bits >>> i) & 1 ? EECD_DI : 0
    set(EECD_CS | di)
    set(EECD_CS | di | EECD_SK)
    set(EECD_CS | di)
  }
  let data = 0
  for (let i = 0; i < 16; i++) {
    set(EECD_CS | EECD_SK)
    data = (data << 1) | ((r.read('EECD') & EECD_DO) !== 0 ? 1 : 0)
    set(EECD_CS)
  }
  set(0)
  r.write('EECD', 0)
  return data
}

describe('82540EM EEPROM', () => {
  it('holds the Ethernet address in words 0–2 and sums to 0xBABA (§5.6.1)', () => {
    const r = makeE1000({ permanentAddress: MAC })
    expect(Array.from(r.c.eeprom.words.slice(0, 3))).toEqual([0x5452, 0x1200, 0x5634])
    expect(eepromSum(r.c.eeprom.words)).toBe(EEPROM_CHECKSUM_SUM)
    expect(r.c.extras().eepromSum).toBe(0xbaba)
  })

  it('reads a word through EERD: START, then DONE with DATA on the next read (§13.4.4)', () => {
    const r = makeE1000({ permanentAddress: MAC })
    expect(eerdRead(r, 0)).toEqual({ polls: 2, data: 0x5452 })
    expect(eerdRead(r, 2)).toEqual({ polls: 2, data: 0x5634 })
    expect(eerdRead(r, 0x0e).data).toBe(0x8086)
  })

  it('reads the same words by bit-banging EECD (Microwire, §5.3.1)', () => {
    const r = makeE1000({ permanentAddress: MAC })
    for (const word of [0, 1, 2, 0x0d, 0x3f]) expect(bitBangRead(r, word), `word ${word}`).toBe(r.c.eeprom.words[word])
  })
})
