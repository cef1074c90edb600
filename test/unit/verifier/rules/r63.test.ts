// The rule's own test: C structure misuse
import { describe } from 'vitest'
import { R63 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R63: C structure misuse', () => {
  scriptRuleCase(
    R63,
    () => ({
      script: miniport({ init: "  const BAD = C_STRUCT('BAD', { Count: 5 }) // HERE" }),
      params: () => [0x103f, 1, 0, 0],
    }),
    'a field whose type is not a C type',
  )
  scriptRuleCase(
    R63,
    () => ({
      script: miniport({
        init: `  const S = C_STRUCT('S', { Flags: ULONG, Lock: NDIS_SPIN_LOCK })
  const x = FIELD_OFFSET(S, 'Lock') + FIELD_OFFSET(S, 'Missing') // HERE`,
      }),
      params: () => [0x103f, 2, 0, 0],
    }),
    'FIELD_OFFSET of a field the structure does not have',
  )
  scriptRuleCase(
    R63,
    () => ({
      script: miniport({
        init: `  const S = C_STRUCT('S', { Lock: NDIS_SPIN_LOCK })
  const Va = { value: NULL }
  NdisAllocateMemoryWithTag(Va, sizeof(S), 0)
  S.at(Va.value).Lock = 5 // HERE
  NdisFreeMemory(Va.value, sizeof(S), 0)`,
      }),
      params: () => [0x103f, 4, 0, 0],
    }),
    'an assignment to an NDIS object field',
  )
})
