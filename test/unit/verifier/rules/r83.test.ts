// The rule's own test: I/O port access outside a registered port range (the Intel 82540EM's I/O BAR)
import { describe } from 'vitest'
import { R83 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

const E1000 = { controller: { model: '82540em' } }

describe('R83: I/O port access outside a registered port range', () => {
  scriptRuleCase(
    R83,
    () => ({
      script: miniport({
        init: `  const Data = { value: 0 }
  NdisRawReadPortUlong(0xc004, Data) // HERE`,
      }),
      scenario: E1000,
      params: () => [0x1053, 0xc004, 4, 0],
    }),
    'a read of IODATA with no range registered',
  )
  scriptRuleCase(
    R83,
    () => ({
      script: miniport({
        init: `  const Port = { value: 0 }
  NdisMRegisterIoPortRange(Port, MiniportAdapterHandle, 0xc000, 8)
  NdisRawWritePortUlong(0xc008, 1) // HERE`,
      }),
      scenario: E1000,
      params: () => [0x1053, 0xc008, 4, 1],
    }),
    'a write past the registered range',
  )
})
