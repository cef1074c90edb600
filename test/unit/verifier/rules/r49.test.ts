// The rule's own test: An OID answer larger than the buffer NDIS gave
import { describe } from 'vitest'
import { R49 } from '../../../../core/verifier/catalogue'
import { OID_VALUES } from '../../../../core/miniport/constants'
import { miniport, requestHandlers, scriptRuleCase } from './script-case'

describe('R49: An OID answer larger than the buffer NDIS gave', () => {
  // The driver claims 4 bytes more than the 64-byte buffer of the first query (OID_GEN_SUPPORTED_LIST).
  const h = requestHandlers(`  if (Oid === OID_GEN_SUPPORTED_LIST) {
    BytesWritten.value = Length + 4
    return NDIS_STATUS_SUCCESS
  }`)
  scriptRuleCase(R49, () => ({
    script: miniport(h),
    marker: 'function MiniportQueryInformation',
    params: () => [0x1031, OID_VALUES.OID_GEN_SUPPORTED_LIST, 68, 64],
  }))
})
