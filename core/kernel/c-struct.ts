// C structures over kernel memory (docs/structures.md): a script declares a structure as C lays it out and reads and
// writes its fields in the emulated non-paged memory, as a C driver dereferences a pointer. Layout follows the x86
// MSVC default (/Zp8): each field at the next multiple of its alignment (its size for scalars, 8 for LONGLONG and
// PHYSICAL_ADDRESS, its strictest member for a structure), the structure's alignment that of its strictest field, its
// size a multiple of that alignment; a union's members all at offset 0. Every access goes through the kernel's checked
// reads and writes, so an access outside live memory is a finding at the script's line (R16, R47), never a host
// exception; a field access makes no garbage (accessors on the view's prototype, nested views cached per view).
import { isScriptInstance } from '../verifier/script-value'

/** What a field read gives the script. */
export const C_U8 = 1
export const C_I8 = 2
export const C_U16 = 3
export const C_I16 = 4
export const C_U32 = 5
export const C_I32 = 6
export const C_BOOLEAN = 7
/** A 32-bit pointer or handle (read as its unsigned value). */
export const C_POINTER = 8
/** A 64-bit PHYSICAL_ADDRESS / LARGE_INTEGER (read as one number; exact below 2^53). */
export const C_PHYSICAL = 9
/** A nested structure or union: the read gives its view. */
export const C_RECORD = 10
/** A fixed array or an NDIS object (lock, timer, event, interrupt): the read gives its address, as C's `&` would. */
export const C_ADDRESS = 11

/** Memory the views read and write: the kernel's checked accessors. */
export interface StructMemory {
  read8(va: number): number
  read16(va: number): number
  read32(va: number): number
  write8(va: number, value: number): void
  write16(va: number, value: number): void
  write32(va: number, value: number): void
  /** Copies `length` bytes (struct assignment), checked on both sides. */
  copy(destination: number, source: number, length: number): void
}

/** A field's type: a scalar, a pointer, a structure, an array or an NDIS object of its C size. */
export class CType {
  /** The structure (or union) when kind is C_RECORD. */
  record: CRecord | null = null
  constructor(
    readonly name: string,
    readonly size: number,
    readonly align: number,
    readonly kind: number,
  ) {}

  /** A view of this structure at `va` (C's cast of a pointer); null for a type that is not a structure. */
  at(va: number): CView | null {
    return this.record === null ? null : new this.record.view(va)
  }
}

export interface CField {
  readonly name: string
  readonly offset: number
  readonly type: CType
}

/** A declared structure or union: its fields by name and the view class its `at` makes. */
export class CRecord {
  readonly fields = new Map<string, CField>()
  readonly type: CType
  view: new (va: number) => CView = CView
  constructor(
    readonly name: string,
    readonly union: boolean,
    size: number,
    align: number,
  ) {
    this.type = new CType(name, size, align, C_RECORD)
    this.type.record = this
  }

  /** Offset of a field path ('Header.Flags'), or -1 when a name is not a field. */
  offsetOf(path: string): number {
    let fields: Map<string, CField> | undefined = this.fields
    let offset = 0
    for (const part of path.split('.')) {
      const f: CField | undefined = fields?.get(part)
      if (f === undefined) return -1
      offset += f.offset
      fields = f.type.record?.fields
    }
    return offset
  }
}

/**
 * A pointer to a structure, as the script holds it: `$va` is the address (writable, so a loop can move one view along
 * an array without making another), the fields are accessors of the structure's class.
 */
export class CView {
  #va = 0
  /** Nested views, made on first access and re-aimed at each access (no garbage per access). */
  #children: (CView | undefined)[] | null = null

  constructor(va: number) {
    this.#va = typeof va === 'number' ? va >>> 0 : 0
  }

  get $va(): number {
    return this.#va
  }

  set $va(va: number) {
    this.#va = typeof va === 'number' ? va >>> 0 : 0
  }

  /** The address a view stands for, or NaN for anything that is not a view (never a host exception). */
  static va(o: unknown): number {
    return typeof o === 'object' && o !== null && #va in o ? o.#va : NaN
  }

  /** The nested view `index` of `o` aimed at `va` (made once per parent view). */
  static child(o: unknown, index: number, record: CRecord, va: number): CView | null {
    if (typeof o !== 'object' || o === null || !(#children in o)) return null
    const children = (o.#children ??= [])
    let c = children[index]
    if (c === undefined) {
      c = new record.view(va)
      children[index] = c
    } else c.#va = va
    return c
  }
}
Object.freeze(CView.prototype)

/** MSVC's default packing: no member is aligned beyond 8 bytes. */
export const DEFAULT_PACKING = 8

/** Lays out `members` as MSVC does; the record's fields are set, its view class is left to `defineView`. */
export function layoutRecord(name: string, union: boolean, members: readonly [string, CType][]): CRecord {
  let offset = 0
  let size = 0
  let align = 1
  const placed: CField[] = []
  for (const [field, type] of members) {
    const a = Math.min(type.align, DEFAULT_PACKING)
    if (a > align) align = a
    const at = union ? 0 : Math.ceil(offset / a) * a
    placed.push({ name: field, offset: at, type })
    offset = at + type.size
    if (offset > size) size = offset
  }
  size = Math.ceil(size / align) * align
  const record = new CRecord(name, union, size, align)
  for (const f of placed) record.fields.set(f.name, f)
  return record
}

/** A C value as stored: numbers wrap to the field's width, booleans are 1/0, a view stores its address, else 0. */
export function storedValue(value: unknown): number {
  switch (typeof value) {
    case 'number':
      return value
    case 'boolean':
      return value ? 1 : 0
    case 'object':
      if (value === null) return 0
      {
        const va = CView.va(value)
        return va === va ? va : 0
      }
    default:
      return 0
  }
}

/**
 * Gives `record` its view class: one accessor per field on a frozen prototype. `refuse` reports an assignment C would
 * not compile (to an array or an NDIS object, or a structure from a view of another type).
 */
export function defineView(record: CRecord, m: StructMemory, refuse: (message: string) => void): void {
  const View = class extends CView {}
  Object.defineProperty(View, 'name', { value: record.name })
  const proto = View.prototype
  let child = 0
  for (const f of record.fields.values()) {
    const off = f.offset
    const t = f.type
    let get: (this: unknown) => unknown
    let set: (this: unknown, v: unknown) => void
    switch (t.kind) {
      case C_U8:
        get = function () {
          return m.read8(CView.va(this) + off)
        }
        set = function (v) {
          m.write8(CView.va(this) + off, storedValue(v))
        }
        break
      case C_I8:
        get = function () {
          return (m.read8(CView.va(this) + off) << 24) >> 24
        }
        set = function (v) {
          m.write8(CView.va(this) + off, storedValue(v))
        }
        break
      case C_BOOLEAN:
        get = function () {
          return m.read8(CView.va(this) + off) !== 0
        }
        set = function (v) {
          m.write8(CView.va(this) + off, storedValue(v))
        }
        break
      case C_U16:
        get = function () {
          return m.read16(CView.va(this) + off)
        }
        set = function (v) {
          m.write16(CView.va(this) + off, storedValue(v))
        }
        break
      case C_I16:
        get = function () {
          return (m.read16(CView.va(this) + off) << 16) >> 16
        }
        set = function (v) {
          m.write16(CView.va(this) + off, storedValue(v))
        }
        break
      case C_U32:
      case C_POINTER:
        get = function () {
          return m.read32(CView.va(this) + off)
        }
        set = function (v) {
          m.write32(CView.va(this) + off, storedValue(v))
        }
        break
      case C_I32:
        get = function () {
          return m.read32(CView.va(this) + off) | 0
        }
        set = function (v) {
          m.write32(CView.va(this) + off, storedValue(v))
        }
        break
      case C_PHYSICAL:
        get = function () {
          const va = CView.va(this) + off
          return m.read32(va) + m.read32(va + 4) * 0x100000000
        }
        set = function (v) {
          const va = CView.va(this) + off
          const n = storedValue(v)
          m.write32(va, n >>> 0)
          m.write32(va + 4, Math.floor(n / 0x100000000) >>> 0)
        }
        break
      case C_RECORD: {
        const index = child++
        const nested = t.record!
        get = function () {
          return CView.child(this, index, nested, CView.va(this) + off)
        }
        set = function (v) {
          if (!isScriptInstance(v, nested.view)) {
            refuse(`${record.name}.${f.name} = ${describe(v)}: assign a ${nested.name} (struct assignment copies it)`)
            return
          }
          m.copy(CView.va(this) + off, CView.va(v), t.size)
        }
        break
      }
      default:
        get = function () {
          return CView.va(this) + off
        }
        set = function () {
          refuse(`${record.name}.${f.name} is ${t.name}: C cannot assign to it (take its address and copy)`)
        }
    }
    Object.defineProperty(proto, f.name, { get, set, enumerable: true, configurable: false })
  }
  Object.freeze(proto)
  Object.freeze(View)
  record.view = View
  viewRecords.set(proto, record)
}

const viewRecords = new WeakMap<object, CRecord>()

/** The structure a view is of (sizeof(*p)), or undefined for anything that is not a view. */
export function recordOfView(o: unknown): CRecord | undefined {
  if (CView.va(o) !== CView.va(o)) return undefined
  return viewRecords.get(Object.getPrototypeOf(o) as object)
}

function describe(v: unknown): string {
  return typeof v === 'object' ? (v === null ? 'null' : 'an object') : typeof v
}
