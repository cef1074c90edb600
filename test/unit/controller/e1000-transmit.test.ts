// The 82540EM's transmit path (8254x SDM §3.3): legacy descriptors, context and data descriptors with checksum
// offload, write-back on RS, TXDW (with TIDV for IDE), TXQE, padding and statistics; ITR throttling of the line.
import { describe, expect, it } from 'vitest'
import { ICR_TXDW, ICR_TXQE } from '../../../core/controller/e1000-registers'
import {
  POPTS_IXSM,
  POPTS_TXSM,
  TXD_CMD_DEXT,
  TXD_CMD_EOP,
  TXD_CMD_IC,
  TXD_CMD_IDE,
  TXD_CMD_RS,
  TXD_STAT_DD,
  putsum,
} from '../../../core/controller/e1000-transmit'
import {
  linkUp,
  makeE1000,
  putBytes,
  recordingWire,
  set16,
  set32,
  set8,
  setUpTransmit,
  u8,
  type E1000Rig,
  type Ring,
} from './e1000-rig'

function rig() {
  const r = makeE1000()
  linkUp(r)
  const wire = recordingWire()
  r.c.attachWire(wire)
  const ring = setUpTransmit(r)
  return { r, wire, ring }
}

/** A legacy descriptor at slot `i` (SDM §3.3.3). */
function legacy(r: E1000Rig, ring: Ring, i: number, data: Uint8Array, cmd: number, cso = 0, css = 0): void {
  const d = ring.ring + i * 16
  putBytes(r, ring.buffers[i]!, data)
  set32(r, d, ring.buffers[i]!)
  set32(r, d + 4, 0)
  set16(r, d + 8, data.length)
  set8(r, d + 10, cso)
  set8(r, d + 11, cmd)
  set8(r, d + 12, 0)
  set8(r, d + 13, css)
}

/** A UDP/IPv4 frame with zero checksums: 14 + 20 + 8 + payload. */
function udpFrame(payload: number): Uint8Array {
  const f = new Uint8Array(42 + payload)
  f.set([0x02, 0, 0, 0, 0, 1, 0x52, 0x54, 0, 0x12, 0x34, 0x56, 0x08, 0x00])
  const ip = [0x45, 0, 0, 28 + payload, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2]
  ip[2] = (20 + 8 + payload) >>> 8
  ip[3] = (20 + 8 + payload) & 0xff
  f.set(ip, 14)
  f.set([0x04, 0xd2, 0x00, 0x35, (8 + payload) >>> 8, (8 + payload) & 0xff, 0, 0], 34)
  for (let i = 0; i < payload; i++) f[42 + i] = (i * 13) & 0xff
  return f
}

/** The one's complement sum of 16-bit big-endian words, folded (RFC 1071). */
function onesSum(b: Uint8Array, start: number, end: number, seed = 0): number {
  let sum = seed
  for (let i = start; i < end; i += 2) sum += (b[i]! << 8) | (i + 1 < end ? b[i + 1]! : 0)
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16)
  return sum
}

describe('82540EM transmit', () => {
  it('sends a legacy frame, writes DD back on RS, raises TXDW and TXQE (§3.3.3, §3.4)', () => {
    const { r, wire, ring } = rig()
    r.write('IMS', ICR_TXDW | ICR_TXQE)
    const f = udpFrame(100)
    legacy(r, ring, 0, f, TXD_CMD_EOP | TXD_CMD_RS)
    r.write('TDT', 1)
    r.run(0)
    expect(wire.sent.map((x) => Array.from(x))).toEqual([Array.from(f)])
    expect(u8(r, ring.ring + 12) & TXD_STAT_DD).toBe(TXD_STAT_DD)
    expect(r.read('TDH')).toBe(1)
    expect(r.read('ICR') & (ICR_TXDW | ICR_TXQE)).toBe(ICR_TXDW | ICR_TXQE)
    expect([r.read('GPTC'), r.read('TPT'), r.read('GOTCL')]).toEqual([1, 1, f.length + 4])
  })

  it('gathers a frame from several descriptors up to EOP and waits for a missing EOP', () => {
    const { r, wire, ring } = rig()
    const f = udpFrame(200)
    legacy(r, ring, 0, f.subarray(0, 14), 0)
    legacy(r, ring, 1, f.subarray(14, 100), 0)
    r.write('TDT', 2)
    r.run(0)
    expect(wire.sent).toHaveLength(0)
    legacy(r, ring, 2, f.subarray(100), TXD_CMD_EOP | TXD_CMD_RS)
    r.write('TDT', 3)
    r.run(0)
    expect(wire.sent.map((x) => Array.from(x))).toEqual([Array.from(f)])
    expect(u8(r, ring.ring + 12) & TXD_STAT_DD).toBe(0) // no RS on the first two
    expect(u8(r, ring.ring + 2 * 16 + 12) & TXD_STAT_DD).toBe(TXD_STAT_DD)
  })

  it('pads a short frame to 60 bytes with TCTL.PSP', () => {
    const { r, wire, ring } = rig()
    legacy(r, ring, 0, udpFrame(0), TXD_CMD_EOP)
    r.write('TDT', 1)
    r.run(0)
    expect(wire.sent[0]).toHaveLength(60)
  })

  it('inserts the IP header and UDP checksums from a context and a data descriptor (§3.3.5–§3.3.7)', () => {
    const { r, wire, ring } = rig()
    const f = udpFrame(33)
    // The driver seeds the UDP checksum with the pseudo-header sum, as NDIS task offload expects.
    const pseudo = onesSum(f, 26, 34, 17 + 8 + 33)
    f[40] = pseudo >>> 8
    f[41] = pseudo & 0xff
    const c = ring.ring
    set8(r, c + 0, 14) // IPCSS
    set8(r, c + 1, 24) // IPCSO
    set16(r, c + 2, 33) // IPCSE
    set8(r, c + 4, 34) // TUCSS
    set8(r, c + 5, 40) // TUCSO
    set16(r, c + 6, 0) // TUCSE: to the end
    set32(r, c + 8, (TXD_CMD_DEXT << 24) >>> 0) // DTYP 0000: context
    const d = ring.ring + 16
    putBytes(r, ring.buffers[1]!, f)
    set32(r, d, ring.buffers[1]!)
    set32(r, d + 4, 0)
    set32(r, d + 8, (f.length | (1 << 20) | ((TXD_CMD_DEXT | TXD_CMD_EOP | TXD_CMD_RS) << 24)) >>> 0)
    set8(r, d + 12, 0)
    set8(r, d + 13, POPTS_IXSM | POPTS_TXSM)
    r.write('TDT', 2)
    r.run(0)
    const sent = wire.sent[0]!
    expect(sent).toHaveLength(f.length)
    expect(onesSum(sent, 14, 34)).toBe(0xffff) // a correct IPv4 header sums to 0xFFFF
    expect(onesSum(sent, 34, sent.length, onesSum(sent, 26, 34, 17 + 8 + 33))).toBe(0xffff)
    expect(u8(r, d + 12) & TXD_STAT_DD).toBe(TXD_STAT_DD)
  })

  it('inserts a legacy checksum at CSO over CSS to the end when CMD.IC (§3.3.3)', () => {
    const { r, wire, ring } = rig()
    const f = udpFrame(20)
    legacy(r, ring, 0, f, TXD_CMD_EOP | TXD_CMD_IC, 24, 14)
    r.write('TDT', 1)
    r.run(0)
    const sent = wire.sent[0]!
    const expected = new Uint8Array(f)
    putsum(expected, expected.length, 24, 14, 0)
    expect(Array.from(sent)).toEqual(Array.from(expected))
    expect((sent[24]! << 8) | sent[25]!).not.toBe(0)
  })

  it('delays TXDW by TIDV for descriptors with IDE, and raises it at once without (§3.4.1)', () => {
    const { r, ring } = rig()
    r.write('TIDV', 20) // 20.48 µs
    legacy(r, ring, 0, udpFrame(10), TXD_CMD_EOP | TXD_CMD_RS | TXD_CMD_IDE)
    r.write('TDT', 1)
    r.run(0)
    expect(r.c.pendingCauses() & ICR_TXDW).toBe(0)
    r.run(20480)
    expect(r.c.pendingCauses() & ICR_TXDW).toBe(ICR_TXDW)
    r.read('ICR')
    legacy(r, ring, 1, udpFrame(10), TXD_CMD_EOP | TXD_CMD_RS)
    r.write('TDT', 2)
    r.run(0)
    expect(r.c.pendingCauses() & ICR_TXDW).toBe(ICR_TXDW)
  })

  it('completes frames without sending them while the link is down', () => {
    const { r, wire, ring } = rig()
    r.c.testControl.setLink(false)
    legacy(r, ring, 0, udpFrame(10), TXD_CMD_EOP | TXD_CMD_RS)
    r.write('TDT', 1)
    r.run(0)
    expect(wire.sent).toHaveLength(0)
    expect(u8(r, ring.ring + 12) & TXD_STAT_DD).toBe(TXD_STAT_DD)
    expect(r.c.statistics().totals.txLinkDownDrops).toBe(1)
  })

  it('throttles the interrupt line to one assertion per ITR interval, in 256 ns units (§13.4.18)', () => {
    const { r } = rig()
    r.write('IMS', ICR_TXDW)
    r.write('ITR', 100) // 25.6 µs
    r.write('ICS', ICR_TXDW)
    expect(r.c.interruptAsserted).toBe(true)
    r.read('ICR')
    r.write('ICS', ICR_TXDW)
    expect(r.c.interruptAsserted).toBe(false)
    r.run(25599)
    expect(r.c.interruptAsserted).toBe(false)
    r.run(1)
    expect(r.c.interruptAsserted).toBe(true)
  })
})
