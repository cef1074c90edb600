// The structure facility by C name (docs/structures.md): the C types, C_STRUCT / C_UNION / C_ARRAY, sizeof,
// FIELD_OFFSET and CONTAINING_RECORD. The NDIS objects a driver embeds (NDIS_SPIN_LOCK, NDIS_MINIPORT_TIMER,
// NDIS_TIMER, NDIS_EVENT, NDIS_MINIPORT_INTERRUPT) are fields of their x86 C size; reading one gives its address,
// which the NDIS calls take (core/kernel/kernel.ts `embedded`).
import {
  C_ADDRESS,
  C_BOOLEAN,
  C_I16,
  C_I32,
  C_I8,
  C_PHYSICAL,
  C_POINTER,
  C_RECORD,
  C_U16,
  C_U32,
  C_U8,
  CType,
  CView,
  defineView,
  layoutRecord,
  recordOfView,
  type StructMemory,
} from '../kernel/c-struct'
import type { Kernel } from '../kernel/kernel'
import { NDIS_SPIN_LOCK, SIZEOF_NDIS_SPIN_LOCK } from '../kernel/spin-lock'
import {
  STRUCT_BAD_ASSIGNMENT,
  STRUCT_BAD_DECLARATION,
  STRUCT_NOT_A_TYPE,
  STRUCT_UNKNOWN_FIELD,
  structMisuse,
} from '../verifier/catalogue'
import { isScriptInstance, scriptNumber } from '../verifier/script-value'
import { valueText } from '../verifier/value-text'
import { NPAGED_LOOKASIDE_LIST, SIZEOF_NPAGED_LOOKASIDE_LIST } from '../ndis/api-lookaside'
import { NDIS_EVENT, SIZEOF_NDIS_EVENT } from './event-api'
import { NDIS_MINIPORT_INTERRUPT, SIZEOF_NDIS_MINIPORT_INTERRUPT } from './interrupt-object'
import {
  NDIS_MINIPORT_TIMER,
  NDIS_TIMER,
  NDIS_WORK_ITEM,
  SIZEOF_NDIS_MINIPORT_TIMER,
  SIZEOF_NDIS_TIMER,
  SIZEOF_NDIS_WORK_ITEM,
} from './timer-object'

const scalar = (name: string, size: number, kind: number, align = size): CType =>
  Object.freeze(new CType(name, size, align, kind))

/** The scalar and pointer types, by C name (x86: pointers, handles and ULONG_PTR are 32-bit). */
export const C_SCALARS = Object.freeze({
  UCHAR: scalar('UCHAR', 1, C_U8),
  CHAR: scalar('CHAR', 1, C_I8),
  BOOLEAN: scalar('BOOLEAN', 1, C_BOOLEAN),
  KIRQL: scalar('KIRQL', 1, C_U8),
  USHORT: scalar('USHORT', 2, C_U16),
  SHORT: scalar('SHORT', 2, C_I16),
  WCHAR: scalar('WCHAR', 2, C_U16),
  ULONG: scalar('ULONG', 4, C_U32),
  LONG: scalar('LONG', 4, C_I32),
  UINT: scalar('UINT', 4, C_U32),
  INT: scalar('INT', 4, C_I32),
  ULONG_PTR: scalar('ULONG_PTR', 4, C_U32),
  NDIS_STATUS: scalar('NDIS_STATUS', 4, C_U32),
  NDIS_OID: scalar('NDIS_OID', 4, C_U32),
  NDIS_MEDIUM: scalar('NDIS_MEDIUM', 4, C_U32),
  PVOID: scalar('PVOID', 4, C_POINTER),
  PUCHAR: scalar('PUCHAR', 4, C_POINTER),
  PULONG: scalar('PULONG', 4, C_POINTER),
  NDIS_HANDLE: scalar('NDIS_HANDLE', 4, C_POINTER),
  PNDIS_PACKET: scalar('PNDIS_PACKET', 4, C_POINTER),
  PNDIS_BUFFER: scalar('PNDIS_BUFFER', 4, C_POINTER),
  PLIST_ENTRY: scalar('PLIST_ENTRY', 4, C_POINTER),
  // LONGLONG's alignment is 8 under MSVC's default packing, so PHYSICAL_ADDRESS (a LARGE_INTEGER) is 8-aligned.
  NDIS_PHYSICAL_ADDRESS: scalar('NDIS_PHYSICAL_ADDRESS', 8, C_PHYSICAL),
  LARGE_INTEGER: scalar('LARGE_INTEGER', 8, C_PHYSICAL),
  ULONGLONG: scalar('ULONGLONG', 8, C_PHYSICAL),
})

/** The NDIS objects a structure may embed, with their x86 size and alignment (KTIMER holds a ULARGE_INTEGER: 8). */
const OBJECTS: readonly [abstract new () => object, string, number, number][] = [
  [NDIS_SPIN_LOCK, 'NDIS_SPIN_LOCK', SIZEOF_NDIS_SPIN_LOCK, 4],
  [NDIS_MINIPORT_TIMER, 'NDIS_MINIPORT_TIMER', SIZEOF_NDIS_MINIPORT_TIMER, 8],
  [NDIS_TIMER, 'NDIS_TIMER', SIZEOF_NDIS_TIMER, 8],
  [NDIS_EVENT, 'NDIS_EVENT', SIZEOF_NDIS_EVENT, 4],
  [NDIS_MINIPORT_INTERRUPT, 'NDIS_MINIPORT_INTERRUPT', SIZEOF_NDIS_MINIPORT_INTERRUPT, 4],
  [NPAGED_LOOKASIDE_LIST, 'NPAGED_LOOKASIDE_LIST', SIZEOF_NPAGED_LOOKASIDE_LIST, 8],
  [NDIS_WORK_ITEM, 'NDIS_WORK_ITEM', SIZEOF_NDIS_WORK_ITEM, 4],
]
const OBJECT_TYPES = new Map<unknown, CType>(
  OBJECTS.map(([ctor, name, size, align]) => [ctor, scalar(name, size, C_ADDRESS, align)]),
)

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export function structApi(k: Kernel) {
  const v = k.verifier
  const memory: StructMemory = k
  const refuse = (message: string): void => structMisuse(v, STRUCT_BAD_ASSIGNMENT, message)

  /** The CType a script names as a field's type, or null (the caller reports). */
  function typeOf(value: unknown): CType | null {
    if (isScriptInstance(value, CType)) return value
    return OBJECT_TYPES.get(value) ?? null
  }

  function record(call: string, union: boolean, name: unknown, fields: unknown): CType {
    const typeName = typeof name === 'string' && FIELD_NAME.test(name) ? name : ''
    const members: [string, CType][] = []
    let why = typeName === '' ? `the name ${valueText(name)} is not a C identifier` : ''
    if (why === '' && (typeof fields !== 'object' || fields === null)) why = 'the fields are not an object literal'
    if (why === '') {
      for (const [field, t] of Object.entries(fields as object)) {
        const type = typeOf(t)
        if (!FIELD_NAME.test(field)) why = `field name ${valueText(field)} is not a C identifier`
        else if (type === null) why = `field ${field} has ${valueText(t)}, not a C type`
        if (why !== '') break
        members.push([field, type!])
      }
    }
    if (why === '' && members.length === 0) why = 'a structure needs at least one field'
    if (why !== '') {
      structMisuse(v, STRUCT_BAD_DECLARATION, `${call}: ${why}`)
      members.length = 0
      members.push(['Unused', C_SCALARS.UCHAR])
    }
    const r = layoutRecord(typeName || 'INVALID', union, members)
    defineView(r, memory, refuse)
    return Object.freeze(r.type)
  }

  const LIST_ENTRY = record('C_STRUCT', false, 'LIST_ENTRY', {
    Flink: C_SCALARS.PLIST_ENTRY,
    Blink: C_SCALARS.PLIST_ENTRY,
  })
  const SINGLE_LIST_ENTRY = record('C_STRUCT', false, 'SINGLE_LIST_ENTRY', { Next: C_SCALARS.PVOID })

  /** The structure a script names (a C_STRUCT type, or a view for sizeof), or null after a finding. */
  function recordType(call: string, value: unknown): CType | null {
    const t = typeOf(value)
    if (t !== null && t.kind === C_RECORD) return t
    structMisuse(v, STRUCT_NOT_A_TYPE, `${call}: ${valueText(value)} is not a structure declared with C_STRUCT`)
    return null
  }

  function fieldOffset(call: string, type: unknown, field: unknown): number {
    const t = recordType(call, type)
    if (t === null) return -1
    const off = typeof field === 'string' ? t.record!.offsetOf(field) : -1
    if (off < 0) structMisuse(v, STRUCT_UNKNOWN_FIELD, `${call}: ${t.name} has no field ${valueText(field)}`)
    return off
  }

  return {
    ...C_SCALARS,
    LIST_ENTRY,
    SINGLE_LIST_ENTRY,

    C_STRUCT: (Name: string, Fields: object): CType => record('C_STRUCT', false, Name, Fields),
    C_UNION: (Name: string, Fields: object): CType => record('C_UNION', true, Name, Fields),

    /** A fixed array: `UCHAR Address[6]` is `C_ARRAY(UCHAR, 6)`; reading the field gives its address, as in C. */
    C_ARRAY(Type: unknown, Count: number): CType {
      const t = typeOf(Type)
      const n = scriptNumber(Count)
      if (t === null || !(n >>> 0 === n) || n === 0 || t.size * n > 0x7fffffff) {
        structMisuse(
          v,
          STRUCT_BAD_DECLARATION,
          `C_ARRAY: ${t === null ? `${valueText(Type)} is not a C type` : `${valueText(Count)} is not a count of elements`}`,
        )
        return C_SCALARS.UCHAR
      }
      return Object.freeze(new CType(`${t.name}[${n}]`, t.size * n, t.align, C_ADDRESS))
    },

    /** sizeof(type) for a C type, an NDIS object or a view (sizeof(*p)). */
    sizeof(Type: unknown): number {
      const t = typeOf(Type) ?? recordOfView(Type)?.type ?? null
      if (t !== null) return t.size
      structMisuse(v, STRUCT_NOT_A_TYPE, `sizeof: ${valueText(Type)} is not a C type`)
      return 0
    },

    /** FIELD_OFFSET(type, Field); a nested field is named 'Outer.Inner'. */
    FIELD_OFFSET(Type: unknown, Field: string): number {
      return Math.max(fieldOffset('FIELD_OFFSET', Type, Field), 0)
    },

    /** CONTAINING_RECORD(Address, type, Field): a view of the structure whose Field is at Address. */
    CONTAINING_RECORD(Address: unknown, Type: unknown, Field: string): CView | null {
      const off = fieldOffset('CONTAINING_RECORD', Type, Field)
      if (off < 0) return null
      const va = typeof Address === 'number' ? Address : CView.va(Address)
      return new (typeOf(Type)!.record!.view)(va - off)
    },
  }
}
