// The run's event log: API calls, interrupts, DPCs, handler spans, indications, returns, frames. A ring of typed
// arrays bounded in memory (the oldest entries are overwritten), with names interned once, so logging creates no
// garbage per event. The Trace view and the Chrome trace-event export read it.

export const EV_API = 1
export const EV_HANDLER_BEGIN = 2
export const EV_HANDLER_END = 3
export const EV_ISR_BEGIN = 4
export const EV_ISR_END = 5
export const EV_DPC_BEGIN = 6
export const EV_DPC_END = 7
export const EV_INTERRUPT = 8
export const EV_INDICATE = 9
export const EV_RETURN = 10
export const EV_SEND = 11
export const EV_SEND_COMPLETE = 12
export const EV_FRAME_RX = 13
export const EV_FRAME_TX = 14
export const EV_TIMER = 15
export const EV_FINDING = 16
export const EV_LOG = 17
export const EV_LINK = 18
export const EV_DROP = 19

export const EVENT_KIND_NAMES: Readonly<Record<number, string>> = {
  [EV_API]: 'api',
  [EV_HANDLER_BEGIN]: 'handler',
  [EV_HANDLER_END]: 'handler',
  [EV_ISR_BEGIN]: 'isr',
  [EV_ISR_END]: 'isr',
  [EV_DPC_BEGIN]: 'dpc',
  [EV_DPC_END]: 'dpc',
  [EV_INTERRUPT]: 'interrupt',
  [EV_INDICATE]: 'indicate',
  [EV_RETURN]: 'return',
  [EV_SEND]: 'send',
  [EV_SEND_COMPLETE]: 'send-complete',
  [EV_FRAME_RX]: 'frame-rx',
  [EV_FRAME_TX]: 'frame-tx',
  [EV_TIMER]: 'timer',
  [EV_FINDING]: 'finding',
  [EV_LOG]: 'log',
  [EV_LINK]: 'link',
  [EV_DROP]: 'drop',
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
      kindName: EVENT_KIND_NAMES[kind] ?? 'event',
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
