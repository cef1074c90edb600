// The WB-100's PCI configuration space (controller.md §2.1): a type 0 header of 256 bytes that NdisReadPciSlotInformation
// and NdisMGetBusData read and their Write/Set forms write. Vendor and device identify the WB-100, the class is an
// Ethernet controller, BAR 0 is the register window in memory space and BAR 1 the same registers in I/O space, the
// interrupt line is the adapter's vector. Writes keep only what a PCI device lets software change: the Command
// register's enables, the BARs (a write of all ones reads back the size mask, as BAR sizing expects), the
// interrupt line and the latency timer; everything else is read-only.
import type { AdapterResources } from './resources'

export const PCI_CONFIG_LENGTH = 256
export const WB100_VENDOR_ID = 0x5742
export const WB100_DEVICE_ID = 0x0100
export const WB100_REVISION = 0x01
/** PCI_COMMAND: I/O space, memory space, bus master, interrupt disable. */
const COMMAND_WRITABLE = 0x0407
const OFF_COMMAND = 0x04
const OFF_LATENCY = 0x0d
const OFF_BAR0 = 0x10
const OFF_BAR1 = 0x14
const OFF_INTERRUPT_LINE = 0x3c

export class PciConfigSpace {
  readonly bytes = new Uint8Array(PCI_CONFIG_LENGTH)
  private readonly view = new DataView(this.bytes.buffer)
  private readonly barMask: [number, number]

  constructor(r: AdapterResources) {
    const v = this.view
    v.setUint16(0x00, WB100_VENDOR_ID, true)
    v.setUint16(0x02, WB100_DEVICE_ID, true)
    v.setUint16(OFF_COMMAND, 0x0007, true) // the PCI driver enabled I/O, memory and bus mastering
    v.setUint16(0x06, 0x0010, true) // capabilities list: none; status: fast back-to-back capable bit clear
    v.setUint8(0x08, WB100_REVISION)
    v.setUint8(0x09, 0x00) // programming interface
    v.setUint8(0x0a, 0x00) // subclass: Ethernet
    v.setUint8(0x0b, 0x02) // class: network controller
    v.setUint8(0x0e, 0x00) // header type 0
    v.setUint32(OFF_BAR0, r.registerBase >>> 0, true)
    v.setUint32(OFF_BAR1, ((r.ioPortBase ?? 0) | 1) >>> 0, true)
    v.setUint16(0x2c, WB100_VENDOR_ID, true) // subsystem vendor
    v.setUint16(0x2e, 0x0001, true) // subsystem
    v.setUint8(OFF_INTERRUPT_LINE, r.interruptVector)
    v.setUint8(0x3d, 0x01) // INTA#
    v.setUint8(OFF_LATENCY, 0x40)
    this.barMask = [~(r.registerLength - 1) >>> 0, ~((r.ioPortLength ?? 4) - 1) >>> 0]
  }

  /** Copies [offset, offset+length) into `into` at `at`; returns the bytes copied (those inside the 256). */
  read(offset: number, length: number, into: Uint8Array, at: number): number {
    const n = Math.max(0, Math.min(length, PCI_CONFIG_LENGTH - offset))
    into.set(this.bytes.subarray(offset, offset + n), at)
    return n
  }

  /** Applies a write of `length` bytes from `from` at `at`; returns the bytes taken (those inside the 256). */
  write(offset: number, length: number, from: Uint8Array, at: number): number {
    const n = Math.max(0, Math.min(length, PCI_CONFIG_LENGTH - offset))
    for (let i = 0; i < n; i++) this.writeByte(offset + i, from[at + i]!)
    return n
  }

  private writeByte(off: number, value: number): void {
    const b = this.bytes
    if (off === OFF_COMMAND || off === OFF_COMMAND + 1) {
      const mask = off === OFF_COMMAND ? COMMAND_WRITABLE & 0xff : COMMAND_WRITABLE >>> 8
      b[off] = (b[off]! & ~mask) | (value & mask)
    } else if (off >= OFF_BAR0 && off < OFF_BAR1 + 4) {
      const bar = off < OFF_BAR1 ? 0 : 1
      const lane = off & 3
      const mask = (this.barMask[bar] >>> (lane * 8)) & 0xff
      // Only the address bits above the BAR's size are writable; the type bits stay.
      b[off] = (b[off]! & ~mask) | (value & mask)
    } else if (off === OFF_INTERRUPT_LINE || off === OFF_LATENCY) {
      b[off] = value
    }
  }
}
