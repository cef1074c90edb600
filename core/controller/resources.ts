// The resources the adapter presents to its miniport (controller.md §2): what NdisMQueryAdapterResources reports,
// what NdisMMapIoSpace maps and what NdisMRegisterInterrupt connects.
import { REGISTER_WINDOW_LENGTH } from './registers'

export interface AdapterResources {
  /** Physical address of the register window (a memory resource, like a PCI BAR). */
  readonly registerBase: number
  /** Length of the register window in bytes. */
  readonly registerLength: number
  readonly interruptVector: number
  readonly interruptLevel: number
  /** The line is level-triggered: it stays asserted until the driver clears the causes (controller.md §5.2). */
  readonly interruptMode: 'level'
  /** Whether another device may share the line; the ISR must check ICR (controller.md §5.2). */
  readonly interruptShared: boolean
  /** Bus type as NDIS_INTERFACE_TYPE names it. */
  readonly interfaceType: 'NdisInterfacePci'
  /** The permanent station address, also readable from RAL/RAH (controller.md §3.16). */
  readonly permanentAddress: readonly number[]
  /** An I/O port range (a PCI I/O BAR), when the model has one: first port and number of ports. */
  readonly ioPortBase?: number
  readonly ioPortLength?: number
}

/** Above the non-paged arena's physical range, where a PCI BAR would sit. */
export const DEFAULT_REGISTER_BASE = 0xfebc0000
/** The I/O BAR: the register window again, in port space (controller.md §2). */
export const DEFAULT_PORT_BASE = 0xc000
export const DEFAULT_INTERRUPT_VECTOR = 11
export const DEFAULT_INTERRUPT_LEVEL = 11
/** A locally administered unicast address (bit 1 of the first byte set, bit 0 clear). */
export const DEFAULT_PERMANENT_ADDRESS: readonly number[] = Object.freeze([0x02, 0x00, 0x4e, 0x57, 0x42, 0x01])

export function defaultResources(permanentAddress: readonly number[] = DEFAULT_PERMANENT_ADDRESS): AdapterResources {
  return Object.freeze({
    registerBase: DEFAULT_REGISTER_BASE,
    registerLength: REGISTER_WINDOW_LENGTH,
    // The same registers in port space (controller.md §2): a PCI I/O BAR.
    ioPortBase: DEFAULT_PORT_BASE,
    ioPortLength: REGISTER_WINDOW_LENGTH,
    interruptVector: DEFAULT_INTERRUPT_VECTOR,
    interruptLevel: DEFAULT_INTERRUPT_LEVEL,
    interruptMode: 'level',
    interruptShared: false,
    interfaceType: 'NdisInterfacePci',
    permanentAddress: Object.freeze(permanentAddress.slice()),
  })
}
