export {
  BoundProtocol,
  PROTOCOL_SCHED_KINDS,
  SCHED_PROTOCOL_RESUBMIT,
  SCHED_PROTOCOL_RETURN,
  SCHED_PROTOCOL_SEND,
} from './bound-protocol'
export { FrameReader, RECEIVE_BUFFER_BYTES } from './frame-reader'
export { HoldTimeSampler } from './hold-time'
export {
  HoldTimeSchema,
  MAX_SEND_BYTES,
  MIN_SEND_BYTES,
  ProtocolSchema,
  ProtocolSendSchema,
  type HoldTime,
  type ProtocolConfig,
  type ProtocolOptions,
  type ProtocolSendOptions,
} from './options'
export { ProtocolSender } from './send-source'
export { ProtocolStatistics, type ProtocolSnapshot } from './statistics'
