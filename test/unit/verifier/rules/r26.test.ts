// The rule's own test: Halt or failed initialisation with timers still queued
import { describe } from 'vitest'
import { MINIPORT_ADAPTER_HANDLE } from '../../../../core/miniport/handles'
import { R26 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R26: Halt or failed initialisation with timers still queued', () => {
  const parts = (fails: boolean) => ({
    globals: 'const Timer = new NDIS_MINIPORT_TIMER()\nfunction Tick(S1, Context, S2, S3) {}',
    init:
      '  NdisMInitializeTimer(Timer, MiniportAdapterHandle, Tick, NULL)\n  NdisMSetTimer(Timer, 1000000) // HERE' +
      (fails ? '\n  return NDIS_STATUS_FAILURE' : ''),
  })
  scriptRuleCase(
    R26,
    () => ({
      script: miniport(parts(false)),
      allocatedMarker: '// HERE',
      params: (run) => [0x09, MINIPORT_ADAPTER_HANDLE, [...run.miniport.adapter.timers][0]!.address, 1],
    }),
    'MiniportHalt returns with a timer queued',
  )
  scriptRuleCase(
    R26,
    () => ({
      script: miniport(parts(true)),
      form: 1,
      allocatedMarker: '// HERE',
      params: (run) => [0x0c, MINIPORT_ADAPTER_HANDLE, [...run.miniport.adapter.timers][0]!.address, 1],
    }),
    'MiniportInitialize fails with a timer queued',
  )
})
