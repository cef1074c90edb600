// The run's event log: API calls, interrupts, DPCs, handler spans, indications, returns, frames. A ring of typed
// arrays bounded in memory (the oldest entries are overwritten), with names interned once, so logging creates no
// garbage per event. The Trace view and the Chrome trace-event export read it.

export const TRACE_API = 1
export const TRACE_HANDLER_BEGIN = 2
export const TRACE_HANDLER_END = 3
export const TRACE_ISR_BEGIN = 4
export const TRACE_ISR_END = 5
export const TRACE_DPC_BEGIN = 6
export const TRACE_DPC_END = 7
export const TRACE_INTERRUPT = 8
export const TRACE_INDICATE = 9
export const TRACE_RETURN = 10
export const TRACE_SEND = 11
export const TRACE_SEND_COMPLETE = 12
export const TRACE_FRAME_RX = 13
export const TRACE_FRAME_TX = 14
export const TRACE_TIMER = 15
export const TRACE_FINDING = 16
export const TRACE_LOG = 17
export const TRACE_LINK = 18
export const TRACE_DROP = 19

export const TRACE_KIND_NAMES: Readonly<Record<number, string>> = {
  [TRACE_API]: 'api',
  [TRACE_HANDLER_BEGIN]: 'handler',
  [TRACE_HANDLER_END]: 'handler',
  [TRACE_ISR_BEGIN]: 'isr',
  [TRACE_ISR_END]: 'isr',
  [TRACE_DPC_BEGIN]: 'dpc',
  [TRACE_DPC_END]: 'dpc',
  [TRACE_INTERRUPT]: 'interrupt',
  [TRACE_INDICATE]: 'indicate',
  [TRACE_RETURN]: 'return',
  [TRACE_SEND]: 'send',
  [TRACE_SEND_COMPLETE]: 'send-complete',
  [TRACE_FRAME_RX]: 'frame-rx',
  [TRACE_FRAME_TX]: 'frame-tx',
  [TRACE_TIMER]: 'timer',
  [TRACE_FINDING]: 'finding',
  [TRACE_LOG]: 'log',
  [TRACE_LINK]: 'link',
  [TRACE_DROP]: 'drop',
}

export interface LoggedEvent {
  seq: number
  timeNs: number
  kind: number
  kindName: string
  name: string
  arg: number
  site: number
}

export class EventLog {
  private readonly time: Float64Array
  private readonly kind: Uint8Array
  private readonly nameId: Int32Array
  private readonly arg: Float64Array
  private readonly site: Int32Array
  private readonly names: string[] = ['']
  private readonly nameIds = new Map<string, number>()
  /** Events ever logged; the ring holds the last `capacity` of them. */
  count = 0
  enabled = true

  constructor(readonly capacity = 65536) {
    this.time = new Float64Array(capacity)
    this.kind = new Uint8Array(capacity)
    this.nameId = new Int32Array(capacity)
    this.arg = new Float64Array(capacity)
    this.site = new Int32Array(capacity)
  }

  /** Interns a name once (at set-up, not per event). */
  intern(name: string): number {
    let id = this.nameIds.get(name)
    if (id === undefined) {
      id = this.names.length
      this.names.push(name)
      this.nameIds.set(name, id)
    }
    return id
  }

  nameOf(id: number): string {
    return this.names[id] ?? ''
  }

  add(timeNs: number, kind: number, nameId: number, arg: number, site: number): void {
    if (!this.enabled) return
    const i = this.count % this.capacity
    this.time[i] = timeNs
    this.kind[i] = kind
    this.nameId[i] = nameId
    this.arg[i] = arg
    this.site[i] = site
    this.count++
  }

  /** Sequence number of the oldest event still held. */
  get firstSeq(): number {
    return Math.max(0, this.count - this.capacity)
  }

  get(seq: number): LoggedEvent | null {
    if (seq < this.firstSeq || seq >= this.count) return null
    const i = seq % this.capacity
    const kind = this.kind[i]!
    return {
      seq,
      timeNs: this.time[i]!,
      kind,
      kindName: TRACE_KIND_NAMES[kind] ?? 'event',
      name: this.names[this.nameId[i]!] ?? '',
      arg: this.arg[i]!,
      site: this.site[i]!,
    }
  }

  /** Events from `fromSeq` on (at most `limit`), oldest first, optionally only some kinds. */
  slice(fromSeq: number, limit: number, kinds?: ReadonlySet<string>): LoggedEvent[] {
    const out: LoggedEvent[] = []
    for (let seq = Math.max(fromSeq, this.firstSeq); seq < this.count && out.length < limit; seq++) {
      const e = this.get(seq)!
      if (!kinds || kinds.has(e.kindName)) out.push(e)
    }
    return out
  }

  clear(): void {
    this.count = 0
  }
}
