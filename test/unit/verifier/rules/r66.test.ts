// The rule's own test: Lookaside list misuse
import { describe } from 'vitest'
import { R66 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R66: Lookaside list misuse', () => {
  scriptRuleCase(
    R66,
    () => ({
      script: miniport({
        globals: 'const List = new NPAGED_LOOKASIDE_LIST()',
        init: `  NdisInitializeNPagedLookasideList(List, NULL, NULL, 0, 64, 0x6b6f6f4c, 0)
  const Entry = NdisAllocateFromNPagedLookasideList(List)
  DbgPrint('entry %x', Entry)
  NdisFreeToNPagedLookasideList(List, Entry)
  NdisFreeToNPagedLookasideList(List, Entry) // HERE
  NdisDeleteNPagedLookasideList(List)`,
      }),
      params: (run) => {
        // The list is the script's first `new` object (the driver data region's first address).
        const entry = parseInt(
          run.debugOutput
            .map((d) => d.text)
            .join('')
            .split('entry ')[1]!,
          16,
        )
        return [0x1042, 2, 0xf0000000, entry]
      },
    }),
    'an entry freed twice',
  )
  scriptRuleCase(
    R66,
    () => ({
      script: miniport({
        globals: 'const List = new NPAGED_LOOKASIDE_LIST()',
        init: '  const Entry = NdisAllocateFromNPagedLookasideList(List) // HERE',
      }),
      params: () => [0x1042, 1, 0xf0000000, 0],
    }),
    'a list never initialised',
  )
})
