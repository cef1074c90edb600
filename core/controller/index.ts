// The emulated WB-100 Ethernet controller (docs/controller.md).
export { NicController, CONTROLLER_SCHED_KINDS, type ControllerOptions } from './controller'
export { ControllerTestControl } from './test-control'
export type { InterruptLine } from './interrupts'
export type { LinkSpeedMbps } from './link'
export type { WirePort } from './wire-port'
export {
  defaultResources,
  DEFAULT_PERMANENT_ADDRESS,
  DEFAULT_REGISTER_BASE,
  DEFAULT_INTERRUPT_VECTOR,
  DEFAULT_INTERRUPT_LEVEL,
  type AdapterResources,
} from './resources'
export * from './registers'
export * from './descriptors'
export {
  CONTROLLER_STATE_VERSION,
  DEFAULT_RX_FIFO_FRAMES,
  TOTAL_NAMES,
  type TotalName,
  type ControllerState,
} from './state'
export {
  registerView,
  ringView,
  controllerStatistics,
  type RegisterViewRow,
  type RingView,
  type RingSlotView,
  type SlotOwner,
  type ControllerStatistics,
} from './view'
