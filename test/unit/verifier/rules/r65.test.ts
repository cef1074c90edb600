// The rule's own test: Blocking wait at an illegal IRQL, or one that can never end
import { describe } from 'vitest'
import { R65 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R65: Blocking wait at an illegal IRQL, or one that can never end', () => {
  scriptRuleCase(
    R65,
    () => ({
      script: miniport({
        globals: 'const Lock = new NDIS_SPIN_LOCK()',
        init: `  NdisAllocateSpinLock(Lock)
  NdisAcquireSpinLock(Lock)
  NdisMSleep(100) // HERE`,
      }),
      params: () => [0x1041, 1, 2, 100],
    }),
    'NdisMSleep at DISPATCH_LEVEL',
  )
  scriptRuleCase(
    R65,
    () => ({
      script: miniport({
        globals: 'const Event = new NDIS_EVENT()',
        init: `  NdisInitializeEvent(Event)
  NdisWaitEvent(Event, 0) // HERE`,
      }),
      params: () => [0x1041, 2, 0, 0],
    }),
    'a wait without timeout that nothing can end',
  )
})
