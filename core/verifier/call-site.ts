// Where a script made a call. The script host writes the site id into `cell[0]` before every API call;
// everything that records "where" stores that integer and resolves it only when a report is made.

export interface SourceLocation {
  readonly file: string
  readonly line: number
  readonly column: number
}

const UNKNOWN: SourceLocation = Object.freeze({ file: '<unknown>', line: 0, column: 0 })

export class CallSites {
  /**
   * The current call-site id; 0 = unknown. A host may pass a cell that lives in shared memory, so that it can still
   * read the last site after the script stopped answering (the watchdog).
   */
  readonly cell: Int32Array

  constructor(cell?: Int32Array) {
    this.cell = cell ?? new Int32Array(1)
  }
  private readonly table: SourceLocation[] = [UNKNOWN]
  private readonly byKey = new Map<string, number>()

  /** The id of a location, the same id for the same location. */
  register(file: string, line: number, column: number): number {
    const key = file + ':' + line + ':' + column
    const known = this.byKey.get(key)
    if (known !== undefined) return known
    const id = this.table.length
    this.table.push(Object.freeze({ file, line, column }))
    this.byKey.set(key, id)
    return id
  }

  location(id: number): SourceLocation {
    return this.table[id] ?? UNKNOWN
  }

  /** The current site id (what the host last wrote). */
  get current(): number {
    return this.cell[0]
  }

  /** Sets the current site (tests and hosts that do not write the cell directly). */
  at(file: string, line: number, column = 1): number {
    const id = this.register(file, line, column)
    this.cell[0] = id
    return id
  }

  format(id: number): string {
    const l = this.location(id)
    return l.file + ':' + l.line + ':' + l.column
  }
}
