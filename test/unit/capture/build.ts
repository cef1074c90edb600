// Hand-built capture files in either byte order, for the reader paths the workbench's own writers never produce.
export interface PcapRecord {
  sec: number
  frac: number
  data: Uint8Array
}

export function buildPcap(o: {
  littleEndian: boolean
  nano: boolean
  snaplen?: number
  linkType?: number
  frames: PcapRecord[]
}): Uint8Array {
  const n = 24 + o.frames.reduce((a, f) => a + 16 + f.data.length, 0)
  const b = new Uint8Array(n)
  const v = new DataView(b.buffer)
  const le = o.littleEndian
  v.setUint32(0, o.nano ? 0xa1b23c4d : 0xa1b2c3d4, le)
  v.setUint16(4, 2, le)
  v.setUint16(6, 4, le)
  v.setUint32(16, o.snaplen ?? 65535, le)
  v.setUint32(20, o.linkType ?? 1, le)
  let p = 24
  for (const f of o.frames) {
    v.setUint32(p, f.sec, le)
    v.setUint32(p + 4, f.frac, le)
    v.setUint32(p + 8, f.data.length, le)
    v.setUint32(p + 12, f.data.length, le)
    b.set(f.data, p + 16)
    p += 16 + f.data.length
  }
  return b
}

class BlockWriter {
  private parts: Uint8Array[] = []
  constructor(private readonly le: boolean) {}

  block(type: number, body: (v: DataView, b: Uint8Array) => void, bodyLength: number): void {
    const len = 12 + ((bodyLength + 3) & ~3)
    const b = new Uint8Array(len)
    const v = new DataView(b.buffer)
    v.setUint32(0, type, this.le)
    v.setUint32(4, len, this.le)
    body(new DataView(b.buffer, 8), b.subarray(8))
    v.setUint32(len - 4, len, this.le)
    this.parts.push(b)
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.parts.reduce((a, p) => a + p.length, 0))
    let at = 0
    for (const p of this.parts) {
      out.set(p, at)
      at += p.length
    }
    return out
  }
}

const frame = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i + n) & 0xff)

/**
 * Section 1: IDB 0 (default microsecond resolution), IDB 1 (nanoseconds, if_name "eth1"), an unknown block, an EPB on
 * each interface (the second outbound with a comment), an SPB. Section 2: IDB (if_tsresol 2^-10), an obsolete PB.
 */
export function buildPcapng(le: boolean): Uint8Array {
  const w = new BlockWriter(le)
  const shb = (): void =>
    w.block(
      0x0a0d0d0a,
      (v) => {
        v.setUint32(0, 0x1a2b3c4d, le)
        v.setUint16(4, 1, le)
        v.setInt32(8, -1, le)
        v.setInt32(12, -1, le)
      },
      16,
    )
  const idb = (opts: [number, Uint8Array][]): void => {
    const optLen = opts.reduce((a, [, d]) => a + 4 + ((d.length + 3) & ~3), 0) + (opts.length ? 4 : 0)
    w.block(
      1,
      (v, b) => {
        v.setUint16(0, 1, le)
        v.setUint32(4, 0, le)
        let p = 8
        for (const [code, d] of opts) {
          v.setUint16(p, code, le)
          v.setUint16(p + 2, d.length, le)
          b.set(d, p + 4)
          p += 4 + ((d.length + 3) & ~3)
        }
      },
      8 + optLen,
    )
  }
  const epb = (ifId: number, units: bigint, data: Uint8Array, flags?: number, comment?: string): void => {
    const c = comment ? new TextEncoder().encode(comment) : undefined
    const optLen = (flags !== undefined ? 8 : 0) + (c ? 4 + ((c.length + 3) & ~3) : 0)
    const dataLen = (data.length + 3) & ~3
    w.block(
      6,
      (v, b) => {
        v.setUint32(0, ifId, le)
        v.setUint32(4, Number(units >> 32n), le)
        v.setUint32(8, Number(units & 0xffffffffn), le)
        v.setUint32(12, data.length, le)
        v.setUint32(16, data.length, le)
        b.set(data, 20)
        let p = 20 + dataLen
        if (flags !== undefined) {
          v.setUint16(p, 2, le)
          v.setUint16(p + 2, 4, le)
          v.setUint32(p + 4, flags, le)
          p += 8
        }
        if (c) {
          v.setUint16(p, 1, le)
          v.setUint16(p + 2, c.length, le)
          b.set(c, p + 4)
        }
      },
      20 + dataLen + optLen + (optLen ? 4 : 0),
    )
  }
  shb()
  idb([])
  idb([
    [2, new TextEncoder().encode('eth1')],
    [9, Uint8Array.of(9)],
  ])
  w.block(0x0bad, (_v, b) => b.fill(0xee), 20)
  epb(0, 1_500_000n, frame(60))
  epb(1, 2_000_000_007n, frame(61), 2, 'second')
  w.block(
    3,
    (v, b) => {
      v.setUint32(0, 62, le)
      b.set(frame(62), 4)
    },
    4 + 62,
  )
  shb()
  idb([[9, Uint8Array.of(0x8a)]])
  epb(0, 3n * 1024n, frame(63))
  // Obsolete Packet Block (type 2): 16-bit interface id and drops count.
  w.block(
    2,
    (v, b) => {
      v.setUint16(0, 0, le)
      v.setUint16(2, 0, le)
      v.setUint32(4, 0, le)
      v.setUint32(8, 4 * 1024 + 512, le)
      v.setUint32(12, 64, le)
      v.setUint32(16, 64, le)
      b.set(frame(64), 20)
    },
    20 + 64,
  )
  return w.bytes()
}

/** A pcapng section with one Ethernet interface of the given resolution and snapshot length, and its packets. */
export function buildPcapngPackets(o: {
  tsresol?: number
  snaplen?: number
  /** An Enhanced Packet Block at `units`, or a Simple Packet Block (no time) when `units` is null. */
  packets: { units: bigint | null; data: Uint8Array }[]
}): Uint8Array {
  const le = true
  const w = new BlockWriter(le)
  w.block(
    0x0a0d0d0a,
    (v) => {
      v.setUint32(0, 0x1a2b3c4d, le)
      v.setUint16(4, 1, le)
      v.setInt32(8, -1, le)
      v.setInt32(12, -1, le)
    },
    16,
  )
  w.block(
    1,
    (v) => {
      v.setUint16(0, 1, le)
      v.setUint32(4, o.snaplen ?? 0, le)
      v.setUint16(8, 9, le)
      v.setUint16(10, 1, le)
      v.setUint8(12, o.tsresol ?? 6)
    },
    8 + 8 + 4,
  )
  for (const { units, data } of o.packets) {
    const dataLen = (data.length + 3) & ~3
    if (units === null) {
      w.block(
        3,
        (v, b) => {
          v.setUint32(0, data.length, le)
          b.set(data, 4)
        },
        4 + dataLen,
      )
    } else {
      w.block(
        6,
        (v, b) => {
          v.setUint32(0, 0, le)
          v.setUint32(4, Number((units >> 32n) & 0xffffffffn), le)
          v.setUint32(8, Number(units & 0xffffffffn), le)
          v.setUint32(12, data.length, le)
          v.setUint32(16, data.length, le)
          b.set(data, 20)
        },
        20 + dataLen,
      )
    }
  }
  return w.bytes()
}
