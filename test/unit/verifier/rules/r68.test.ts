// The rule's own test: Map register or scatter/gather DMA misuse
import { describe } from 'vitest'
import { R68 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R68: Map register or scatter/gather DMA misuse', () => {
  scriptRuleCase(
    R68,
    () => ({
      script: miniport({
        init: `  NdisMAllocateMapRegisters(MiniportAdapterHandle, 0, NDIS_DMA_32BITS, 2, 2048)
  NdisMCompleteBufferPhysicalMapping(MiniportAdapterHandle, NULL, 1) // HERE
  NdisMFreeMapRegisters(MiniportAdapterHandle)`,
      }),
      params: () => [0x1044, 4, 1, 0],
    }),
    'completing a mapping never started',
  )
  scriptRuleCase(
    R68,
    () => ({
      script: miniport({
        attributes: 'NDIS_ATTRIBUTE_DESERIALIZE',
        init: '  NdisMInitializeScatterGatherDma(MiniportAdapterHandle, FALSE, 0x10000) // HERE',
      }),
      params: () => [0x1044, 7, 0, 0],
    }),
    'scatter/gather DMA without the bus master attribute',
  )
})
