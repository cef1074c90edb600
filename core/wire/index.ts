export { createWire } from './create-wire'
export { crc32Begin, crc32End, crc32Update } from './crc32'
export {
  DEFAULT_DESTINATION,
  DEFAULT_SOURCE,
  ETHERTYPE_WORKBENCH_TEST,
  FCS_BYTES,
  lineTimeNs,
  MAX_FRAME_SIZE,
  MIN_FRAME_SIZE,
  parseMac,
} from './ethernet'
export { FrameChecker, FrameVerdict } from './frame-checker'
export { FrameSizer, IMIX_SIZES, IMIX_WEIGHTS } from './frame-sizer'
export { Loopback, LOOPBACK_MAX_FRAME_BYTES } from './loopback'
export { PcapReplay, replayOutOfRange, type ReplayOutOfRange } from './pcap-replay'
export {
  FrameSizeSchema,
  GeneratorSchema,
  LineRateSchema,
  LoopbackSchema,
  ReplaySchema,
  WireSchema,
  type FrameSize,
  type GeneratorOptions,
  type LoopbackOptions,
  type ReplayOptions,
  type WireConfig,
  type WireOptions,
} from './schemas'
export { TEST_FRAME_HEADER_BYTES, TEST_FRAME_MAGIC, testFrameCrc, writeTestFrame } from './test-frame'
export { TrafficGenerator } from './traffic-generator'
export { newWireStatistics, type WireBackend, type WireStatistics } from './wire-backend'
