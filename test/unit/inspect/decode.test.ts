// The decode tree (Packets view): Ethernet II, 802.1Q, ARP, IPv4, IPv6, ICMP, ICMPv6, UDP, TCP with byte ranges;
// short or malformed headers never throw.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DecodeNode } from '../../../core/api/workbench-api'
import { decodeFrame, ipv6Text } from '../../../core/inspect/decode'

function bytes(hex: string): number[] {
  const clean = hex.replace(/\s+/g, '')
  const out: number[] = []
  for (let i = 0; i < clean.length; i += 2) out.push(parseInt(clean.slice(i, i + 2), 16))
  return out
}

const ETH_IPV4 = 'ffffffffffff 020000000001 0800'
const IPV4_UDP = '45000024 0001 4000 40 11 0000 c0a80001 c0a80002' // total length 36: 20 + 8 + 8
const UDP = '04d2 0036 0010 0000 0102030405060708'

function labels(nodes: DecodeNode[]): string[] {
  return nodes.map((n) => n.label)
}

function inside(nodes: DecodeNode[], length: number): boolean {
  return nodes.every((n) => n.start >= 0 && n.length >= 0 && n.start + n.length <= length && inside(n.children, length))
}

describe('decodeFrame', () => {
  it('decodes Ethernet, IPv4 and UDP with their byte ranges', () => {
    const frame = bytes(ETH_IPV4 + IPV4_UDP + UDP)
    const tree = decodeFrame(frame)
    expect(labels(tree)).toEqual([
      'Ethernet II, 02:00:00:00:00:01 → ff:ff:ff:ff:ff:ff',
      'IPv4, 192.168.0.1 → 192.168.0.2',
      'UDP, port 1234 → 54',
      'Data (8 bytes)',
    ])
    expect(tree.map((n) => [n.start, n.length])).toEqual([
      [0, 14],
      [14, 20],
      [34, 8],
      [42, 8],
    ])
    expect(tree[1]!.children.find((c) => c.label.startsWith('Protocol'))).toMatchObject({ start: 23, length: 1 })
  })

  it('stops the IPv4 payload at its total length (Ethernet padding is not data)', () => {
    const frame = bytes(ETH_IPV4 + IPV4_UDP + UDP + '00000000')
    expect(decodeFrame(frame).at(-1)).toMatchObject({ label: 'Data (8 bytes)', start: 42, length: 8 })
  })

  it('decodes an 802.1Q tag then IPv6 and an ICMPv6 echo request', () => {
    const ipv6 = '60000000 0008 3a 40' + 'fe80' + '0'.repeat(26) + '01' + 'ff02' + '0'.repeat(26) + '01'
    const frame = bytes('333300000001 020000000001 8100 a064 86dd' + ipv6 + '8000 0000 0007 0001')
    const tree = decodeFrame(frame)
    expect(labels(tree)).toEqual([
      'Ethernet II, 02:00:00:00:00:01 → 33:33:00:00:00:01',
      '802.1Q VLAN, ID 100, priority 5',
      'IPv6, fe80::1 → ff02::1',
      'ICMPv6 echo request',
    ])
    expect(tree[3]!.children.map((c) => c.label)).toContain('Identifier: 7')
    expect(tree[3]).toMatchObject({ start: 58, length: 8 })
  })

  it('decodes an ARP request', () => {
    const arp = '0001 0800 06 04 0001 020000000001 c0a80001 000000000000 c0a80002'
    const tree = decodeFrame(bytes('ffffffffffff 020000000001 0806' + arp))
    expect(tree[1]).toMatchObject({ label: 'ARP request, 192.168.0.1 → 192.168.0.2', start: 14, length: 28 })
  })

  it('decodes TCP flags and an ICMP echo reply', () => {
    const ipTcp = '45000028 0000 0000 40 06 0000 0a000001 0a000002'
    const tcp = '0050 c000 00000001 00000000 50 12 ffff 0000 0000'
    expect(decodeFrame(bytes(ETH_IPV4 + ipTcp + tcp))[2]!.label).toBe('TCP, port 80 → 49152 [SYN ACK]')
    const ipIcmp = '4500001c 0000 0000 40 01 0000 0a000001 0a000002'
    expect(decodeFrame(bytes(ETH_IPV4 + ipIcmp + '0000 0000 0001 0002'))[2]!.label).toBe('ICMP echo reply')
  })

  it('marks truncated headers instead of throwing', () => {
    expect(decodeFrame(bytes('ffffff'))[0]!.label).toBe('Ethernet II (truncated: 3 of 14 bytes)')
    const short = decodeFrame(bytes(ETH_IPV4 + '4500'))
    expect(short[1]).toMatchObject({ label: 'IPv4 (truncated: 2 of 20 bytes)', start: 14, length: 2 })
    const badIhl = decodeFrame(bytes(ETH_IPV4 + '41000024' + '00'.repeat(16)))
    expect(badIhl[1]!.label).toMatch(/^IPv4 \(bad header/)
    const shortUdp = decodeFrame(bytes(ETH_IPV4 + '45000024 0001 4000 40 11 0000 c0a80001 c0a80002' + '04d2'))
    expect(shortUdp[2]!.label).toBe('UDP (truncated: 2 of 8 bytes)')
  })

  it('never throws and keeps every range inside the frame, whatever the bytes', () => {
    const header = fc.constantFrom(
      bytes(ETH_IPV4),
      bytes('ffffffffffff 020000000001 86dd'),
      bytes('ffffffffffff 020000000001 8100'),
    )
    fc.assert(
      fc.property(header, fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 120 }), (h, rest) => {
        const frame = [...h, ...rest]
        expect(inside(decodeFrame(frame), frame.length)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('writes IPv6 addresses in the RFC 5952 form', () => {
    expect(ipv6Text(bytes('20010db8000000000000000000000001'), 0)).toBe('2001:db8::1')
    expect(ipv6Text(bytes('20010db8000100000001000000000001'), 0)).toBe('2001:db8:1:0:1::1')
  })
})
