// docs/structures.md: C_STRUCT, sizeof, FIELD_OFFSET, CONTAINING_RECORD and field assignment as C compiles them.
import type { Verifier } from '../verifier'
import { defineRule } from '../rule'

/** R63's P2: what the script asked for that C would not compile. */
export const STRUCT_BAD_DECLARATION = 1
export const STRUCT_UNKNOWN_FIELD = 2
export const STRUCT_NOT_A_TYPE = 3
export const STRUCT_BAD_ASSIGNMENT = 4

export const R63 = defineRule({
  id: 'R63',
  title: 'C structure misuse (bad declaration, unknown field or type, assignment C would not compile)',
  severity: 'error',
  stops: false,
  class: 'arguments',
  level: 'standard',
  emulatorParams: [
    'kind (1 bad declaration, 2 unknown field, 3 not a C type, 4 assignment to an array, NDIS object or structure of another type)',
    'field offset or 0',
    '0',
  ],
  explanation:
    'Declare structures with C_STRUCT / C_UNION from C types (ULONG, PVOID, LIST_ENTRY, NDIS_SPIN_LOCK, ...), name only their fields, and copy arrays and NDIS objects by address.',
  reference: 'docs/structures.md (C compiles none of these)',
})

/** A finding of R63 at the calling line. */
export function structMisuse(v: Verifier, kind: number, message: string, offset = 0): void {
  v.report(R63, kind, offset, 0, message)
}
