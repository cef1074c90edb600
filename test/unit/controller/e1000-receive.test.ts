// The 82540EM's receive path (8254x SDM §3.2): legacy descriptors, the address filter, the FCS, buffer sizes,
// statistics and the causes RXT0 (with RDTR/RADV), RXDMT0 and RXO.
import { describe, expect, it } from 'vitest'
import {
  ICR_RXDMT0,
  ICR_RXO,
  ICR_RXT0,
  RCTL_BAM,
  RCTL_BSIZE_SHIFT,
  RCTL_EN,
  RCTL_MPE,
  RCTL_SECRC,
  RCTL_UPE,
} from '../../../core/controller/e1000-registers'
import { RXD_STAT_DD, RXD_STAT_EOP, RXD_ERR_CE } from '../../../core/controller/e1000-receive'
import { crc32Begin, crc32End, crc32Update } from '../../../core/wire/crc32'
import { bytesAt, frameTo, linkUp, makeE1000, setUpReceive, u16, u8, type E1000Rig } from './e1000-rig'

const OWN = [0x52, 0x54, 0x00, 0x12, 0x34, 0x56]
const OTHER = [0x02, 0x11, 0x22, 0x33, 0x44, 0x55]
const BROADCAST = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff]

function rig(): E1000Rig {
  const r = makeE1000({ permanentAddress: OWN })
  linkUp(r)
  return r
}

const deliver = (r: E1000Rig, f: Uint8Array) => {
  r.c.testControl.injectFrame(f)
  r.run(0)
}

describe('82540EM receive', () => {
  it('writes a frame for its own address into the buffer, with length, DD and EOP (§3.2.3)', () => {
    const r = rig()
    const ring = setUpReceive(r)
    const f = frameTo(OWN, 100, 3)
    deliver(r, f)
    expect(Array.from(bytesAt(r, ring.buffers[0]!, 100))).toEqual(Array.from(f))
    expect(u16(r, ring.ring + 8)).toBe(100)
    expect(u8(r, ring.ring + 12) & (RXD_STAT_DD | RXD_STAT_EOP)).toBe(RXD_STAT_DD | RXD_STAT_EOP)
    expect(r.read('RDH')).toBe(1)
    expect(r.read('GPRC')).toBe(1)
    expect(r.read('GORCL')).toBe(104)
    expect(r.read('TPR')).toBe(1)
  })

  it('appends the frame check sequence unless RCTL.SECRC strips it (§13.4.22)', () => {
    const r = rig()
    const ring = setUpReceive(r, 8, RCTL_EN)
    const f = frameTo(OWN, 64, 1)
    deliver(r, f)
    expect(u16(r, ring.ring + 8)).toBe(68)
    const fcs = crc32End(crc32Update(crc32Begin(), f, 0, 64))
    expect(Array.from(bytesAt(r, ring.buffers[0]! + 64, 4))).toEqual([
      fcs & 0xff,
      (fcs >>> 8) & 0xff,
      (fcs >>> 16) & 0xff,
      fcs >>> 24,
    ])
  })

  it('pads a short frame to 60 bytes', () => {
    const r = rig()
    const ring = setUpReceive(r)
    deliver(r, frameTo(OWN, 42))
    expect(u16(r, ring.ring + 8)).toBe(60)
    expect(Array.from(bytesAt(r, ring.buffers[0]! + 42, 18))).toEqual(new Array(18).fill(0))
  })

  it('filters: other unicast dropped unless UPE, broadcast only with BAM, multicast by the MTA hash or MPE (§3.2.1)', () => {
    const r = rig()
    setUpReceive(r, 16, RCTL_EN | RCTL_SECRC)
    deliver(r, frameTo(OTHER, 60))
    deliver(r, frameTo(BROADCAST, 60))
    expect(r.read('GPRC')).toBe(0)
    r.write('RCTL', RCTL_EN | RCTL_SECRC | RCTL_BAM)
    deliver(r, frameTo(BROADCAST, 60))
    expect(r.read('BPRC')).toBe(1)
    // 01:00:5e:00:00:fb with MO = 0: hash = (0xfb00 >> 4) & 0xfff = 0xfb0 → MTA[0x7d] bit 16.
    const mdns = [0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb]
    deliver(r, frameTo(mdns, 60))
    expect(r.read('MPRC')).toBe(0)
    r.write('MTA[125]', 1 << 16)
    deliver(r, frameTo(mdns, 60))
    expect(r.read('MPRC')).toBe(1)
    r.write('MTA[125]', 0)
    r.write('RCTL', RCTL_EN | RCTL_SECRC | RCTL_MPE)
    deliver(r, frameTo(mdns, 60))
    expect(r.read('MPRC')).toBe(1)
    r.write('RCTL', RCTL_EN | RCTL_SECRC | RCTL_UPE)
    deliver(r, frameTo(OTHER, 60))
    // broadcast, multicast by hash, multicast by MPE, unicast by UPE
    expect(r.read('GPRC')).toBe(4)
  })

  it('accepts a second station address once RAH[n].AV is set', () => {
    const r = rig()
    setUpReceive(r)
    deliver(r, frameTo(OTHER, 60))
    r.write('RAL[1]', 0x33221102)
    r.write('RAH[1]', 0x5544 | 0x80000000)
    deliver(r, frameTo(OTHER, 60))
    expect(r.read('GPRC')).toBe(1)
  })

  it('spreads a frame over buffers of RCTL.BSIZE (256 bytes) with EOP on the last (§3.2.2)', () => {
    const r = rig()
    const ring = setUpReceive(r, 8, RCTL_EN | RCTL_SECRC | (3 << RCTL_BSIZE_SHIFT))
    deliver(r, frameTo(OWN, 600))
    expect([u16(r, ring.ring + 8), u16(r, ring.ring + 24), u16(r, ring.ring + 40)]).toEqual([256, 256, 88])
    expect([u8(r, ring.ring + 12), u8(r, ring.ring + 28)]).toEqual([RXD_STAT_DD, RXD_STAT_DD])
    expect(u8(r, ring.ring + 44) & RXD_STAT_EOP).toBe(RXD_STAT_EOP)
    expect(r.read('RDH')).toBe(3)
  })

  it('splits the FCS over two buffers when the frame ends 2 bytes before a buffer does', () => {
    const r = rig()
    const ring = setUpReceive(r, 8, RCTL_EN | (3 << RCTL_BSIZE_SHIFT))
    const f = frameTo(OWN, 254, 5)
    deliver(r, f)
    const fcs = crc32End(crc32Update(crc32Begin(), f, 0, 254))
    const bytes = [fcs & 0xff, (fcs >>> 8) & 0xff, (fcs >>> 16) & 0xff, fcs >>> 24]
    expect([u16(r, ring.ring + 8), u16(r, ring.ring + 24)]).toEqual([256, 2])
    expect(Array.from(bytesAt(r, ring.buffers[0]!, 254))).toEqual(Array.from(f))
    expect(Array.from(bytesAt(r, ring.buffers[0]! + 254, 2))).toEqual(bytes.slice(0, 2))
    expect(Array.from(bytesAt(r, ring.buffers[1]!, 2))).toEqual(bytes.slice(2))
  })

  it('marks a frame with a bad FCS with CE and counts CRCERRS', () => {
    const r = rig()
    const ring = setUpReceive(r)
    r.c.testControl.forceReceiveErrors(1)
    deliver(r, frameTo(OWN, 80))
    expect(u8(r, ring.ring + 13) & RXD_ERR_CE).toBe(RXD_ERR_CE)
    expect(r.read('CRCERRS')).toBe(1)
    expect(r.read('GPRC')).toBe(0)
  })

  it('raises RXT0 at once with RDTR 0, after the receive delay with RDTR, and no later than RADV (§3.2.7.1)', () => {
    const r = rig()
    setUpReceive(r, 64)
    r.write('IMS', ICR_RXT0)
    deliver(r, frameTo(OWN, 60))
    expect(r.read('ICR') & ICR_RXT0).toBe(ICR_RXT0)
    r.write('RDTR', 10) // 10.24 µs after the last frame
    r.write('RADV', 25) // 25.6 µs after the first
    // Frames at 0, 8 and 16 µs: the delay timer keeps moving on, the absolute timer ends at 25.6 µs.
    const start = r.scheduler.nowNs
    for (let i = 0; i < 3; i++) {
      deliver(r, frameTo(OWN, 60))
      r.run(8000)
      expect(r.c.pendingCauses() & ICR_RXT0, `frame ${i}`).toBe(0)
    }
    r.run(start + 25599 - r.scheduler.nowNs)
    expect(r.c.pendingCauses() & ICR_RXT0).toBe(0)
    r.run(1)
    expect(r.c.pendingCauses() & ICR_RXT0).toBe(ICR_RXT0)
    expect(r.read('ICR') & ICR_RXT0).toBe(ICR_RXT0)
    // One frame alone: RXT0 when the 10.24 µs delay runs out.
    deliver(r, frameTo(OWN, 60))
    r.run(10239)
    expect(r.c.pendingCauses() & ICR_RXT0).toBe(0)
    r.run(1)
    expect(r.c.pendingCauses() & ICR_RXT0).toBe(ICR_RXT0)
  })

  it('raises RXDMT0 when free descriptors fall to the RCTL.RDMTS threshold (half the ring)', () => {
    const r = rig()
    setUpReceive(r, 8)
    deliver(r, frameTo(OWN, 60))
    deliver(r, frameTo(OWN, 60))
    expect(r.read('ICR') & ICR_RXDMT0).toBe(0)
    deliver(r, frameTo(OWN, 60))
    expect(r.read('ICR') & ICR_RXDMT0).toBe(ICR_RXDMT0)
  })

  it('counts RNBC when no descriptor is free and RXO with MPC when the packet buffer overflows (§3.2.7.3)', () => {
    const r = makeE1000({ permanentAddress: OWN, rxFifoFrames: 2 })
    linkUp(r)
    const ring = setUpReceive(r, 8)
    r.write('RDT', 0)
    for (let i = 0; i < 3; i++) deliver(r, frameTo(OWN, 60))
    expect(r.read('RNBC')).toBe(3)
    expect(r.read('MPC')).toBe(1)
    expect(r.read('ICR') & ICR_RXO).toBe(ICR_RXO)
    r.write('RDT', 7)
    r.run(0)
    expect(r.read('GPRC')).toBe(2)
    expect(u16(r, ring.ring + 8)).toBe(60)
  })

  it('drops frames while the link is down', () => {
    const r = rig()
    setUpReceive(r)
    r.c.testControl.setLink(false)
    deliver(r, frameTo(OWN, 60))
    expect(r.read('TPR')).toBe(0)
    expect(r.c.statistics().totals.rxLinkDownDrops).toBe(1)
  })
})
