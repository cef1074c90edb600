// A bug check: the typed stop that ends a run (code, name, four parameters, message, script location).

export const BUGCHECK_NAMES: Readonly<Record<number, string>> = {
  0x50: 'PAGE_FAULT_IN_NONPAGED_AREA',
  0x7c: 'BUGCODE_NDIS_DRIVER',
  0xc4: 'DRIVER_VERIFIER_DETECTED_VIOLATION',
  0xd1: 'DRIVER_IRQL_NOT_LESS_OR_EQUAL',
  0xd2: 'BUGCODE_ID_DRIVER',
  0x133: 'DPC_WATCHDOG_VIOLATION',
}

export function bugCheckName(code: number): string {
  return BUGCHECK_NAMES[code] ?? 'BUGCHECK_' + hex(code)
}

export function hex(n: number): string {
  return '0x' + (n >>> 0).toString(16).toUpperCase()
}

export class BugCheck extends Error {
  override readonly name = 'BugCheck'
  readonly bugCheckName: string

  constructor(
    readonly code: number,
    readonly params: readonly [number, number, number, number],
    message: string,
    /** Call-site id of the call that stopped the run. */
    readonly site: number,
    /** Verifier rule id (e.g. 'R10'), or '' for a stop that no rule describes. */
    readonly rule: string,
    /** Which of the rule's bug check forms the parameters follow. */
    readonly form = 0,
  ) {
    super(message)
    this.bugCheckName = bugCheckName(code)
  }

  /** `*** STOP: 0x000000C4 (0x00000040, ...)` as Windows prints it. */
  get stopLine(): string {
    const p = this.params.map((x) => '0x' + (x >>> 0).toString(16).toUpperCase().padStart(8, '0')).join(', ')
    return (
      '*** STOP: 0x' +
      (this.code >>> 0).toString(16).toUpperCase().padStart(8, '0') +
      ' (' +
      p +
      ') ' +
      this.bugCheckName
    )
  }
}
