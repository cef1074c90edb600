// What the rest of the workbench sees of a controller model (issue 16): the register window, the interrupt line, the
// wire, the resources NDIS reports, the test controls and the views. The WB-100 (controller.ts) and the Intel
// 82540EM (e1000.ts) both implement it; the wire, capture, protocol and verifier do not care which one runs.
import type { InterruptLine } from './interrupts'
import type { AdapterResources } from './resources'
import type { ControllerTestControl } from './test-control'
import type { ControllerStatistics, RegisterViewRow, RingView } from './view'
import type { WirePort } from './wire-port'

/** The controller a scenario chooses (`controller.model`). */
export type ControllerModel = 'wb100' | '82540em'

export const CONTROLLER_MODELS: readonly ControllerModel[] = ['wb100', '82540em']

export interface ControllerDevice {
  readonly model: ControllerModel
  readonly resources: AdapterResources
  /** Test and scenario controls, not visible to the driver. */
  readonly testControl: ControllerTestControl
  /** Running totals since power-on, in TOTAL_NAMES order (state.ts). */
  readonly totals: Float64Array
  /** A driver read of `width` bytes (1, 2 or 4) at `offset` in the memory-mapped register window. */
  readRegister(offset: number, width: number): number
  /** A driver write of `width` bytes at `offset`. */
  writeRegister(offset: number, width: number, value: number): void
  /** The value a register holds, without the side effects of a driver read. */
  peekRegister(offset: number): number
  /** A driver read of `width` bytes at `offset` in the I/O port range (resources.ioPortBase), all ones without one. */
  readPort(offset: number, width: number): number
  writePort(offset: number, width: number, value: number): void
  /** The 256-byte PCI configuration space NdisReadPciSlotInformation reads. */
  readonly pciConfig: Uint8Array
  /** A write into it (NdisWritePciSlotInformation): only the bits the device lets software set change; returns the
   * bytes taken (those inside the 256). */
  writePciConfig(offset: number, length: number, from: Uint8Array, at: number): number
  /** The interrupt causes the device holds (ICR), without clearing them. */
  pendingCauses(): number
  connectInterrupt(line: InterruptLine | undefined): void
  readonly interruptAsserted: boolean
  attachWire(port: WirePort | undefined): void
  /** The wire's next arrival may have moved earlier. */
  wireChanged(): void
  registerView(): RegisterViewRow[]
  ringView(ring: 'rx' | 'tx'): RingView
  statistics(): ControllerStatistics
  /** What a model has beyond registers and rings (the 82540EM's EEPROM and PHY), null when nothing. */
  extras(): ControllerExtras | null
}

export interface ControllerExtras {
  /** EEPROM words, in address order. */
  readonly eeprom: readonly number[]
  /** Sum of the EEPROM words modulo 2^16 (0xBABA when the 82540EM's checksum is good). */
  readonly eepromSum: number
  /** PHY registers by their MII index. */
  readonly phy: readonly { readonly index: number; readonly name: string; readonly value: number }[]
}
