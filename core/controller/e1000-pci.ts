// The 82540EM on the PCI bus (SDM §4.1 "PCI configuration registers"): vendor 8086, device 100E, class 020000
// (Ethernet), BAR0 the 128 KB memory-mapped registers, BAR1 the 64-byte I/O window, one level-triggered interrupt.
// What NdisMQueryAdapterResources reports and NdisMMapIoSpace maps come from here.
import { E1000_IO_LENGTH, E1000_WINDOW_LENGTH } from './e1000-registers'
import {
  DEFAULT_INTERRUPT_LEVEL,
  DEFAULT_PERMANENT_ADDRESS,
  DEFAULT_INTERRUPT_VECTOR,
  type AdapterResources,
} from './resources'

export const E1000_VENDOR_ID = 0x8086
export const E1000_DEVICE_ID = 0x100e
/** BAR0: 128 KB aligned, where QEMU's PC machine puts the first e1000. */
export const E1000_REGISTER_BASE = 0xfebc0000
export const E1000_IO_BASE = 0xc000
/** The WB-100's default address, so that a scenario's traffic reaches either model unchanged (its EEPROM words 0–2). */
export const E1000_DEFAULT_ADDRESS: readonly number[] = DEFAULT_PERMANENT_ADDRESS

export function e1000Resources(permanentAddress: readonly number[]): AdapterResources {
  return Object.freeze({
    registerBase: E1000_REGISTER_BASE,
    registerLength: E1000_WINDOW_LENGTH,
    interruptVector: DEFAULT_INTERRUPT_VECTOR,
    interruptLevel: DEFAULT_INTERRUPT_LEVEL,
    interruptMode: 'level',
    interruptShared: false,
    interfaceType: 'NdisInterfacePci',
    permanentAddress: Object.freeze(permanentAddress.slice()),
    ioPortBase: E1000_IO_BASE,
    ioPortLength: E1000_IO_LENGTH,
  })
}

/** The 256-byte configuration space as the device presents it after BIOS enumeration (SDM table 4-1). */
export function e1000PciConfig(r: AdapterResources): Uint8Array {
  const c = new Uint8Array(256)
  const v = new DataView(c.buffer)
  v.setUint16(0x00, E1000_VENDOR_ID, true)
  v.setUint16(0x02, E1000_DEVICE_ID, true)
  v.setUint16(0x04, 0x0007, true) // command: I/O, memory, bus master
  v.setUint16(0x06, 0x0230, true) // status: capabilities list, 66 MHz, medium DEVSEL
  c[0x08] = 0x02 // revision
  c[0x09] = 0x00
  c[0x0a] = 0x00 // Ethernet controller
  c[0x0b] = 0x02 // network controller
  c[0x0d] = 0x40 // latency timer
  v.setUint32(0x10, r.registerBase, true) // BAR0: memory, 32-bit, not prefetchable
  v.setUint32(0x18, E1000_IO_BASE | 1, true) // BAR1 on the 82540EM is at 0x18 (BAR0 64-bit capable spans 0x10–0x17)
  v.setUint16(0x2c, E1000_VENDOR_ID, true) // subsystem vendor (EEPROM word 0x0C)
  v.setUint16(0x2e, E1000_DEVICE_ID, true) // subsystem (EEPROM word 0x0B)
  c[0x3c] = r.interruptLevel // interrupt line
  c[0x3d] = 1 // INTA#
  c[0x3e] = 0xff
  return c
}
