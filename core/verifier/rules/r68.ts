// docs/script-api.md "DMA": map registers (NdisMAllocateMapRegisters, NdisMStartBufferPhysicalMapping,
// NdisMCompleteBufferPhysicalMapping, NdisMFreeMapRegisters) and NdisMInitializeScatterGatherDma.
import { defineRule } from '../rule'

/** R68's P2: what was wrong. */
export const MAP_NOT_ALLOCATED = 1
export const MAP_BAD_REGISTER = 2
export const MAP_IN_USE = 3
export const MAP_NOT_STARTED = 4
export const MAP_ARRAY_TOO_SMALL = 5
export const MAP_FREED_IN_USE = 6
export const DMA_NOT_BUS_MASTER = 7

export const R68 = defineRule({
  id: 'R68',
  title: 'Map register or scatter/gather DMA misuse',
  severity: 'error',
  stops: false,
  class: 'memory',
  level: 'standard',
  emulatorParams: [
    'kind (1 no map registers allocated, 2 register index out of range, 3 register already mapping a buffer, 4 completing a mapping not started, 5 address array too small, 6 map registers freed while mapping, 7 DMA set-up without NDIS_ATTRIBUTE_BUS_MASTER)',
    'map register index, or 0',
    'the buffer, or 0',
  ],
  explanation:
    'Set NDIS_ATTRIBUTE_BUS_MASTER, allocate the map registers (or initialise scatter/gather DMA) in MiniportInitialize, pair every NdisMStartBufferPhysicalMapping with NdisMCompleteBufferPhysicalMapping on the same register, give an address array of NDIS_BUFFER_TO_SPAN_PAGES entries, and free the registers only when no mapping is active.',
  reference: 'NdisMAllocateMapRegisters, NdisMStartBufferPhysicalMapping, NdisMInitializeScatterGatherDma [DDI]',
})
