// The rule's own test: Resources claimed before NdisMSetAttributesEx
import { describe } from 'vitest'
import { R42 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R42: Resources claimed before NdisMSetAttributesEx', () => {
  scriptRuleCase(R42, () => ({
    script: miniport({ attributes: 'NDIS_ATTRIBUTE_BUS_MASTER', init: '' }).replace(
      '  NdisMSetAttributesEx(',
      '  const Early = { value: 0 }\n  NdisMAllocateSharedMemory(MiniportAdapterHandle, 64, FALSE, Early, { value: 0 }) // HERE\n  NdisMSetAttributesEx(',
    ),
    params: () => [0x102a, 0, 0, 0],
  }))
})
