// Pure inspection queries the workbench UI asks a run for (pools, packets, controller, trace, findings).
export { decodeFrame } from './decode'
export { listPackets, walkChain, chainBytes, packetOwner, findPacket } from './packets'
export { packetDetail, descriptorFields } from './packet-detail'
export { poolRows, PoolRates } from './pools'
export { findingRows, findingRow, bugCheckView, paramMeanings } from './findings'
export { controllerSnapshot } from './controller'
export { traceRows } from './trace'
