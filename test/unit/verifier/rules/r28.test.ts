// The rule's own test: NdisWaitEvent at an illegal IRQL
import { describe, expect } from 'vitest'
import { DRIVER_DATA_BASE } from '../../../../core/kernel/driver-objects'
import { NDIS_EVENT } from '../../../../core/miniport/event-api'
import { R28 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R28: NdisWaitEvent at an illegal IRQL', () => {
  scriptRuleCase(R28, () => ({
    script: miniport({
      globals: 'const Timer = new NDIS_MINIPORT_TIMER()\nconst Event = new NDIS_EVENT()',
      init:
        '  NdisInitializeEvent(Event)\n' +
        '  NdisMInitializeTimer(Timer, MiniportAdapterHandle, Tick, NULL)\n  NdisMSetTimer(Timer, 1)',
      functions: `function Tick(S1, Context, S2, S3) {
  NdisWaitEvent(Event, 10) // HERE
}`,
      halt: '  NdisMCancelTimer(Timer, { value: false })',
    }),
    params: (run) => {
      // The event got the first place in the driver's data (NdisInitializeEvent ran first).
      expect(run.kernel.objects.objectAt(DRIVER_DATA_BASE)).toBeInstanceOf(NDIS_EVENT)
      return [0x14, 2, DRIVER_DATA_BASE, 10]
    },
  }))
})
