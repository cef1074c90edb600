// Read-only views of the 82540EM for the Controller panel: every register with its value and decoded bit fields,
// both rings (legacy descriptor layout, SDM §3.2.3, §3.3.3), the EEPROM words and the PHY registers. Plain data, made
// on request, never on the frame path.
import type { ControllerExtras } from './device'
import type { DmaPort } from './dma'
import type { Eeprom } from './e1000-eeprom'
import { eepromSum } from './e1000-eeprom'
import { PHY_NAMES, type Phy } from './e1000-phy'
import { E_RXD_ADDR, E_RXD_ERRORS, E_RXD_LENGTH, E_RXD_SIZE, E_RXD_STATUS } from './e1000-receive'
import { E1000_REGISTERS, E_RDH, E_RDT, E_TDH, E_TDT } from './e1000-registers'
import { E_TXD_CMD, E_TXD_STATUS } from './e1000-transmit'
import type { RegisterViewRow, RingSlotView, RingView } from './view'

export interface ViewedE1000 {
  readonly dma: DmaPort
  readonly eeprom: Eeprom
  readonly phy: Phy
  readonly rx: { ringBase(): number; ringSize(): number; freeDescriptors(): number }
  readonly tx: { ringBase(): number; ringSize(): number; pendingDescriptors(): number }
  peekRegister(offset: number): number
}

export interface DecodedField {
  readonly name: string
  readonly value: number
}

export interface E1000RegisterRow extends RegisterViewRow {
  readonly fields: readonly DecodedField[]
}

/** The EEPROM words (their sum is 0xBABA when the checksum is good, SDM §5.6.1) and the PHY registers. */
export type E1000Extras = ControllerExtras

export function e1000RegisterView(c: ViewedE1000): E1000RegisterRow[] {
  return E1000_REGISTERS.map((r) => {
    const value = c.peekRegister(r.offset)
    return {
      name: r.name,
      offset: r.offset,
      width: r.width,
      value,
      reset: r.reset,
      access: r.access,
      description: r.description,
      section: r.section,
      fields: r.fields.map((f) => ({
        name: f.name,
        value: f.width === 32 ? value : (value >>> f.shift) & ((1 << f.width) - 1),
      })),
    }
  })
}

export function e1000RingView(c: ViewedE1000, ring: 'rx' | 'tx'): RingView {
  const rx = ring === 'rx'
  const unit = rx ? c.rx : c.tx
  const base = unit.ringBase()
  const size = unit.ringSize()
  const head = c.peekRegister(rx ? E_RDH : E_TDH)
  const tail = c.peekRegister(rx ? E_RDT : E_TDT)
  const hardwareOwned = rx ? c.rx.freeDescriptors() : c.tx.pendingDescriptors()
  const readable = size > 0 && c.dma.reaches(base, size * E_RXD_SIZE)
  const slots: RingSlotView[] = []
  if (readable) {
    for (let i = 0; i < size; i++) {
      const d = base + i * E_RXD_SIZE
      const owned = head < size && tail < size && (i - head + size) % size < hardwareOwned
      slots.push({
        index: i,
        owner: owned ? 'hardware' : 'driver',
        bufferAddress: c.dma.read32(d + E_RXD_ADDR),
        length: c.dma.read16(d + E_RXD_LENGTH),
        status: c.dma.read8(d + (rx ? E_RXD_STATUS : E_TXD_STATUS)),
        flags: c.dma.read8(d + (rx ? E_RXD_ERRORS : E_TXD_CMD)),
      })
    }
  }
  return { ring, base, size, head, tail, hardwareOwned, readable, slots }
}

export function e1000Extras(c: ViewedE1000): E1000Extras {
  return {
    eeprom: Array.from(c.eeprom.words),
    eepromSum: eepromSum(c.eeprom.words),
    phy: PHY_NAMES.flatMap((name, index) => (name === '' ? [] : [{ index, name, value: c.phy.regs[index] }])),
  }
}
