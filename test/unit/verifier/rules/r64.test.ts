// The rule's own test: Corrupt LIST_ENTRY
import { describe } from 'vitest'
import { R64 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R64: Corrupt LIST_ENTRY', () => {
  let head = 0
  scriptRuleCase(R64, () => ({
    script: miniport({
      init: `  const Va = { value: NULL }
  NdisAllocateMemoryWithTag(Va, 16, 0)
  const Head = Va.value
  const Entry = Head + 8
  InitializeListHead(Head)
  InsertTailList(Head, Entry)
  MmWrite32(Head + 4, Head)
  RemoveEntryList(Entry) // HERE`,
    }),
    params: (run) => {
      head = [...run.kernel.memory.live.values()].find((a) => a.requested === 16)!.va
      return [3, head + 8, head, head]
    },
  }))
})
