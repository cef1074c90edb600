export {
  BoundProtocol,
  PROTOCOL_EVENT_KINDS,
  PROTOCOL_EVENT_RESUBMIT,
  PROTOCOL_EVENT_RETURN,
  PROTOCOL_EVENT_SEND,
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
export { receiveApi } from './receive-api'
export { R45, R46 } from './rules'
export { sendApi } from './send-api'
export { ProtocolSender, SEND_FREE, SEND_IN_CALL, SEND_PENDING, SEND_QUEUED } from './send-path'
export { ProtocolStatistics, type ProtocolSnapshot } from './statistics'
