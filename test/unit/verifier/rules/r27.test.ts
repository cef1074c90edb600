// The rule's own test: NdisMResetComplete with no reset pending
import { describe } from 'vitest'
import { MINIPORT_ADAPTER_HANDLE } from '../../../../core/miniport/handles'
import { R27 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R27: NdisMResetComplete with no reset pending', () => {
  scriptRuleCase(R27, () => ({
    script: miniport({ init: '  NdisMResetComplete(MiniportAdapterHandle, NDIS_STATUS_SUCCESS, TRUE) // HERE' }),
    params: () => [0x0f, MINIPORT_ADAPTER_HANDLE, 0, 1],
  }))
})
