// The register map of the WB-100 Ethernet controller as data (controller.md §3). The register read/write dispatch
// (register-file.ts) and the UI's register view both render from this one table.

/**
 * How a register answers the driver (controller.md §3.1):
 * - `RW`  read/write; bits outside `writeMask` read as 0 and ignore writes;
 * - `RO`  read-only; writes are ignored;
 * - `RC`  read-only, cleared to 0 by every read (clear-on-read);
 * - `WO`  write-only; reads return 0; the write acts (see `effect`) and nothing is stored;
 * - `W1S` write 1 to set: written 1 bits are set, 0 bits leave the bit alone; reads return the current value.
 */
export type RegisterAccess = 'RW' | 'RO' | 'RC' | 'WO' | 'W1S'

/** The side effect a write has beyond storing the value (controller.md §3.2). */
export type RegisterEffect =
  | 'none'
  | 'device-control'
  | 'interrupt-set'
  | 'interrupt-mask-set'
  | 'interrupt-mask-clear'
  | 'throttle'
  | 'receive-control'
  | 'receive-tail'
  | 'transmit-control'
  | 'transmit-tail'

export interface RegisterSpec {
  readonly name: string
  /** Byte offset in the register window; every register is 32-bit and 4-byte aligned. */
  readonly offset: number
  readonly width: 32
  readonly reset: number
  readonly access: RegisterAccess
  /** Bits the driver can change (RW, W1S) or that act (WO); other bits read as 0 or as the device sets them. */
  readonly writeMask: number
  readonly effect: RegisterEffect
  readonly description: string
  /** Datasheet section (docs/controller.md) that defines the register. */
  readonly section: string
}

/** Length of the register window in bytes (controller.md §2). */
export const REGISTER_WINDOW_LENGTH = 0x100

export const REG_CTRL = 0x00
export const REG_STATUS = 0x04
export const REG_ICR = 0x08
export const REG_ICS = 0x0c
export const REG_IMS = 0x10
export const REG_IMC = 0x14
export const REG_ITR = 0x18
export const REG_RCTL = 0x20
export const REG_RDBA = 0x24
export const REG_RDLEN = 0x28
export const REG_RDH = 0x2c
export const REG_RDT = 0x30
export const REG_RDMT = 0x34
export const REG_TCTL = 0x40
export const REG_TDBA = 0x44
export const REG_TDLEN = 0x48
export const REG_TDH = 0x4c
export const REG_TDT = 0x50
export const REG_RAL = 0x58
export const REG_RAH = 0x5c
export const REG_GPRC = 0x80
export const REG_GORC = 0x84
export const REG_MPC = 0x88
export const REG_RNBC = 0x8c
export const REG_RXERRC = 0x90
export const REG_GPTC = 0x94
export const REG_GOTC = 0x98
export const REG_DMAEC = 0x9c

// controller.md §3.3 CTRL
export const CTRL_RST = 1 << 0
// controller.md §3.4 STATUS
export const STATUS_LU = 1 << 0
export const STATUS_FD = 1 << 1
export const STATUS_SPEED_SHIFT = 6
export const STATUS_SPEED_MASK = 3 << STATUS_SPEED_SHIFT
export const STATUS_SPEED_10 = 0
export const STATUS_SPEED_100 = 1
export const STATUS_SPEED_1000 = 2

// controller.md §5 interrupt causes (ICR, ICS, IMS, IMC share these bit positions)
export const ICR_TXDW = 1 << 0
export const ICR_LSC = 1 << 2
export const ICR_RXDMT0 = 1 << 4
export const ICR_RXO = 1 << 6
export const ICR_RXT0 = 1 << 7
export const ICR_DMAE = 1 << 9
export const ICR_ALL = ICR_TXDW | ICR_LSC | ICR_RXDMT0 | ICR_RXO | ICR_RXT0 | ICR_DMAE

// controller.md §3.9 RCTL / §3.13 TCTL
export const RCTL_EN = 1 << 1
export const RCTL_BSIZE_SHIFT = 16
export const RCTL_BSIZE_MASK = 3 << RCTL_BSIZE_SHIFT
export const TCTL_EN = 1 << 1

// controller.md §3.16 RAH
export const RAH_AV = 1 << 31

/** Receive buffer size selected by RCTL.BSIZE (controller.md §3.9). */
export function receiveBufferSize(rctl: number): number {
  return 2048 >>> ((rctl & RCTL_BSIZE_MASK) >>> RCTL_BSIZE_SHIFT)
}

function reg(
  name: string,
  offset: number,
  reset: number,
  access: RegisterAccess,
  writeMask: number,
  effect: RegisterEffect,
  section: string,
  description: string,
): RegisterSpec {
  return { name, offset, width: 32, reset, access, writeMask: writeMask >>> 0, effect, description, section }
}

/** Every register, in offset order (controller.md §3, register map). */
export const REGISTERS: readonly RegisterSpec[] = Object.freeze([
  reg('CTRL', REG_CTRL, 0, 'RW', CTRL_RST, 'device-control', '3.3', 'Device control: RST (bit 0) resets the device'),
  reg('STATUS', REG_STATUS, 0, 'RO', 0, 'none', '3.4', 'Device status: link up, full duplex, speed'),
  reg('ICR', REG_ICR, 0, 'RC', 0, 'none', '3.5', 'Interrupt cause read; cleared by reading'),
  reg('ICS', REG_ICS, 0, 'WO', ICR_ALL, 'interrupt-set', '3.6', 'Interrupt cause set: raises the written causes'),
  reg(
    'IMS',
    REG_IMS,
    0,
    'W1S',
    ICR_ALL,
    'interrupt-mask-set',
    '3.7',
    'Interrupt mask: read the mask, write 1 to enable',
  ),
  reg('IMC', REG_IMC, 0, 'WO', ICR_ALL, 'interrupt-mask-clear', '3.7', 'Interrupt mask clear: write 1 to disable'),
  reg('ITR', REG_ITR, 0, 'RW', 0xffff, 'throttle', '3.8', 'Interrupt throttling: minimum interval in µs (0 = off)'),
  reg('RCTL', REG_RCTL, 0, 'RW', RCTL_EN | RCTL_BSIZE_MASK, 'receive-control', '3.9', 'Receive control: EN, BSIZE'),
  reg('RDBA', REG_RDBA, 0, 'RW', 0xfffffff0, 'none', '3.10', 'Receive descriptor ring base (physical, 16-aligned)'),
  reg('RDLEN', REG_RDLEN, 0, 'RW', 0xfff0, 'none', '3.10', 'Receive descriptor ring length in bytes'),
  reg('RDH', REG_RDH, 0, 'RW', 0xffff, 'none', '3.11', 'Receive descriptor head: next slot the device fills'),
  reg('RDT', REG_RDT, 0, 'RW', 0xffff, 'receive-tail', '3.11', 'Receive descriptor tail: one past the last posted'),
  reg('RDMT', REG_RDMT, 0, 'RW', 0xffff, 'none', '3.12', 'Receive descriptor minimum threshold (descriptors)'),
  reg('TCTL', REG_TCTL, 0, 'RW', TCTL_EN, 'transmit-control', '3.13', 'Transmit control: EN'),
  reg('TDBA', REG_TDBA, 0, 'RW', 0xfffffff0, 'none', '3.14', 'Transmit descriptor ring base (physical, 16-aligned)'),
  reg('TDLEN', REG_TDLEN, 0, 'RW', 0xfff0, 'none', '3.14', 'Transmit descriptor ring length in bytes'),
  reg('TDH', REG_TDH, 0, 'RW', 0xffff, 'none', '3.15', 'Transmit descriptor head: next slot the device sends'),
  reg('TDT', REG_TDT, 0, 'RW', 0xffff, 'transmit-tail', '3.15', 'Transmit descriptor tail: writing it starts sending'),
  reg('RAL', REG_RAL, 0, 'RO', 0, 'none', '3.16', 'Permanent MAC address bytes 0–3'),
  reg('RAH', REG_RAH, 0, 'RO', 0, 'none', '3.16', 'Permanent MAC address bytes 4–5, AV (bit 31)'),
  reg('GPRC', REG_GPRC, 0, 'RC', 0, 'none', '3.17', 'Good frames received'),
  reg('GORC', REG_GORC, 0, 'RC', 0, 'none', '3.17', 'Good octets received (low 32 bits)'),
  reg('MPC', REG_MPC, 0, 'RC', 0, 'none', '3.17', 'Missed frames: receive FIFO full or receiver off'),
  reg('RNBC', REG_RNBC, 0, 'RC', 0, 'none', '3.17', 'Frames that found no free receive descriptor'),
  reg('RXERRC', REG_RXERRC, 0, 'RC', 0, 'none', '3.17', 'Receive errors: bad CRC or bad length'),
  reg('GPTC', REG_GPTC, 0, 'RC', 0, 'none', '3.17', 'Good frames transmitted'),
  reg('GOTC', REG_GOTC, 0, 'RC', 0, 'none', '3.17', 'Good octets transmitted (low 32 bits)'),
  reg('DMAEC', REG_DMAEC, 0, 'RC', 0, 'none', '3.17', 'DMA errors: a descriptor or buffer outside memory'),
])

/** Register index by word offset (offset >>> 2), -1 for a hole in the map. */
export const REGISTER_AT: Int8Array = (() => {
  const at = new Int8Array(REGISTER_WINDOW_LENGTH >>> 2).fill(-1)
  REGISTERS.forEach((r, i) => (at[r.offset >>> 2] = i))
  return at
})()

/** The register spec at a byte offset, or undefined for a hole. */
export function registerAt(offset: number): RegisterSpec | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset >= REGISTER_WINDOW_LENGTH) return undefined
  const i = REGISTER_AT[offset >>> 2]
  return i < 0 ? undefined : REGISTERS[i]
}

export function registerByName(name: string): RegisterSpec | undefined {
  return REGISTERS.find((r) => r.name === name)
}
