// The rule's own test: I/O port access outside a range registered with NdisMRegisterIoPortRange
import { describe } from 'vitest'
import { R67 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R67: I/O port access outside a registered range', () => {
  scriptRuleCase(R67, () => ({
    script: miniport({
      init: `  const Port = { value: NULL }
  NdisMRegisterIoPortRange(Port, MiniportAdapterHandle, 0xc000, 0x20)
  const Data = { value: 0 }
  NdisRawReadPortUlong(Port.value + 0x40, Data) // HERE
  NdisMDeregisterIoPortRange(MiniportAdapterHandle, 0xc000, 0x20, Port.value)`,
    }),
    params: () => [0x1043, 0xc040, 4, 0],
  }))
})
