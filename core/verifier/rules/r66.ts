// docs/script-api.md "Kernel runtime": NdisInitializeNPagedLookasideList and the calls on the list it initialised.
import { defineRule } from '../rule'

/** R66's P2: what was wrong. */
export const LOOKASIDE_NOT_INITIALIZED = 1
export const LOOKASIDE_FOREIGN_ENTRY = 2
export const LOOKASIDE_DELETED_IN_USE = 3

export const R66 = defineRule({
  id: 'R66',
  title: 'Lookaside list misuse (not initialised or deleted, an entry it did not allocate, deleted with entries out)',
  severity: 'error',
  stops: false,
  class: 'memory',
  level: 'standard',
  emulatorParams: [
    'kind (1 not initialised or already deleted, 2 an entry this list did not allocate or freed twice, 3 deleted while entries are still allocated)',
    'the lookaside list',
    'the entry, or the number of entries still allocated',
  ],
  explanation:
    'Initialise the list with NdisInitializeNPagedLookasideList before use, free each entry once and to the list it came from, and give every entry back before NdisDeleteNPagedLookasideList.',
  reference: 'NdisInitializeNPagedLookasideList, NdisFreeToNPagedLookasideList, NdisDeleteNPagedLookasideList [DDI]',
})
