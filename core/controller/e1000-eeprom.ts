// The 82540EM's serial EEPROM (SDM §5, §13.4.3, §13.4.4; docs/82540em.md "EEPROM"): 64 words of Microwire EEPROM
// whose words 0–2 hold the Ethernet address and whose 64 words sum to 0xBABA (SDM §5.6.1 "Checksum Word"). The driver
// reads it either through EERD (write START and the word address, poll DONE, take DATA) or by bit-banging EECD
// (request with EE_REQ, wait EE_GNT, clock the READ opcode and address in on DI, the data out on DO). Both follow
// QEMU's hw/net/e1000.c (flash_eerd_read, set_eecd/get_eecd) except that an EERD read takes one register access.
import {
  EECD_CS,
  EECD_DI,
  EECD_DO,
  EECD_GNT,
  EECD_PRES,
  EECD_REQ,
  EECD_SK,
  EERD_ADDR_SHIFT,
  EERD_DATA_SHIFT,
  EERD_DONE,
  EERD_START,
} from './e1000-registers'

export const EEPROM_WORDS = 64
/** SDM §5.6.1: words 0x00–0x3F sum to this. */
export const EEPROM_CHECKSUM_SUM = 0xbaba
/** The checksum word, the last of the 64. */
export const EEPROM_CHECKSUM_WORD = 0x3f
/** Microwire READ opcode (SDM §5.3.1: start bit 1, opcode 10). */
const MICROWIRE_READ = 0b110

/** The image the model powers up with: the Ethernet address, the 82540EM's IDs and a good checksum (SDM table 5-2). */
export function eepromImage(mac: readonly number[]): Uint16Array {
  const w = new Uint16Array(EEPROM_WORDS)
  w[0] = mac[0] | (mac[1] << 8)
  w[1] = mac[2] | (mac[3] << 8)
  w[2] = mac[4] | (mac[5] << 8)
  w[0x0a] = 0x64c0 // Initialization Control Word 1: signature 01b in bits 15:14 (SDM §5.6.6)
  w[0x0b] = 0x100e // Subsystem ID
  w[0x0c] = 0x8086 // Subsystem vendor ID
  w[0x0d] = 0x100e // Device ID
  w[0x0e] = 0x8086 // Vendor ID
  w[0x0f] = 0xb000 // Initialization Control Word 2
  let sum = 0
  for (let i = 0; i < EEPROM_CHECKSUM_WORD; i++) sum += w[i]
  w[EEPROM_CHECKSUM_WORD] = (EEPROM_CHECKSUM_SUM - sum) & 0xffff
  return w
}

/** Sum of the 64 words, modulo 2^16: EEPROM_CHECKSUM_SUM when the image is valid. */
export function eepromSum(words: Uint16Array): number {
  let sum = 0
  for (let i = 0; i < EEPROM_WORDS; i++) sum += words[i]
  return sum & 0xffff
}

export class Eeprom {
  readonly words: Uint16Array
  /** EERD as the driver last wrote it, and whether the read it started has completed (DONE). */
  private eerd = 0
  private eerdPending = false
  /** A START was written and no read of EERD has shown DONE yet: the driver has not seen the data. */
  eerdUnseen = false
  // Microwire state (QEMU's eecd_state).
  private oldEecd = 0
  private valIn = 0
  private bitIn = 0
  private bitOut = 0
  private reading = false

  constructor(mac: readonly number[]) {
    this.words = eepromImage(mac)
  }

  /** A write of EERD (SDM §13.4.4): START begins a read of word ADDR. */
  writeEerd(value: number): void {
    this.eerd = value & 0xff01
    this.eerdPending = (value & EERD_START) !== 0
    if (this.eerdPending) this.eerdUnseen = true
  }

  /** A read of EERD: the read started completes by this access (DONE and DATA appear on the next read). */
  readEerd(): number {
    if (this.eerdPending) {
      this.eerdPending = false
      const address = (this.eerd >>> EERD_ADDR_SHIFT) & 0xff
      // Addresses past the 64 words read as 0 with DONE, as QEMU's flash_eerd_read does.
      const data = address < EEPROM_WORDS ? this.words[address] : 0
      this.eerd = (this.eerd & ~EERD_START) | EERD_DONE | (data << EERD_DATA_SHIFT)
      return (this.eerd & ~EERD_DONE & 0xffff) >>> 0
    }
    if ((this.eerd & EERD_DONE) !== 0) this.eerdUnseen = false
    return this.eerd >>> 0
  }

  peekEerd(): number {
    return this.eerd >>> 0
  }

  /** EECD as the driver reads it (SDM §13.4.3): PRES, GNT once requested, DO the current data bit. */
  readEecd(): number {
    let value = EECD_PRES | (1 << 4) | this.oldEecd
    if ((this.oldEecd & EECD_REQ) !== 0) value |= EECD_GNT
    const word = this.words[(this.bitOut >>> 4) & 0x3f]
    if (!this.reading || ((word >>> ((this.bitOut & 0xf) ^ 0xf)) & 1) !== 0) value |= EECD_DO
    return value >>> 0
  }

  /** A write of EECD: chip select, clock edges and data in (QEMU set_eecd). */
  writeEecd(value: number): void {
    const old = this.oldEecd
    this.oldEecd = value & (EECD_SK | EECD_CS | EECD_DI | 0x30 | EECD_REQ)
    if ((value & EECD_CS) === 0) return
    if (((value ^ old) & EECD_CS) !== 0) {
      this.valIn = 0
      this.bitIn = 0
      this.bitOut = 0
      this.reading = false
    }
    if (((value ^ old) & EECD_SK) === 0) return
    if ((value & EECD_SK) === 0) {
      this.bitOut++
      return
    }
    this.valIn = (this.valIn << 1) | ((value & EECD_DI) !== 0 ? 1 : 0)
    if (++this.bitIn === 9 && !this.reading) {
      // Three opcode bits then six address bits (64-word part): data follows from the next clock.
      this.bitOut = ((this.valIn & 0x3f) << 4) - 1
      this.reading = ((this.valIn >>> 6) & 7) === MICROWIRE_READ
    }
  }

  /** CTRL.RST reloads nothing the driver can see here but ends any access in progress. */
  reset(): void {
    this.eerd = 0
    this.eerdPending = false
    this.eerdUnseen = false
    this.oldEecd = 0
    this.valIn = 0
    this.bitIn = 0
    this.bitOut = 0
    this.reading = false
  }
}
