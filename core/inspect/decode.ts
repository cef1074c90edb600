// Decode tree of a frame for the Packets view: Ethernet II, 802.1Q, ARP, IPv4, IPv6, ICMP, ICMPv6, UDP, TCP, DNS. Every
// node carries its byte range in the frame. A short or malformed header is shown as far as it goes and marked;
// nothing here throws on any input.
import type { DecodeNode } from './views'
import { DNS_PORT, decodeDns } from './decode-dns'

const ETHERTYPE_IPV4 = 0x0800
const ETHERTYPE_ARP = 0x0806
const ETHERTYPE_VLAN = 0x8100
const ETHERTYPE_IPV6 = 0x86dd
/** Local experimental EtherType 1: the traffic generator's test frames (core/wire/test-frame.ts). */
const ETHERTYPE_TEST = 0x88b5
const TEST_MAGIC = 0x4e574254
const IP_ICMP = 1
const IP_TCP = 6
const IP_UDP = 17
const IP_ICMPV6 = 58
/** IPv6 extension headers walked to reach the upper layer (RFC 8200 §4). */
const IPV6_EXTENSIONS = new Set([0, 43, 60])
const MAX_VLAN_TAGS = 4

function node(label: string, start: number, length: number, children: DecodeNode[] = []): DecodeNode {
  return { label, start, length, children }
}

function u8(b: ArrayLike<number>, i: number): number {
  return (b[i] ?? 0) & 0xff
}

function u16(b: ArrayLike<number>, i: number): number {
  return (u8(b, i) << 8) | u8(b, i + 1)
}

function u32(b: ArrayLike<number>, i: number): number {
  return ((u16(b, i) << 16) | u16(b, i + 2)) >>> 0
}

function hex(n: number, digits: number): string {
  return '0x' + n.toString(16).padStart(digits, '0')
}

export function macText(b: ArrayLike<number>, i: number): string {
  const parts: string[] = []
  for (let k = 0; k < 6; k++)
    parts.push(
      u8(b, i + k)
        .toString(16)
        .padStart(2, '0'),
    )
  return parts.join(':')
}

export function ipv4Text(b: ArrayLike<number>, i: number): string {
  return `${u8(b, i)}.${u8(b, i + 1)}.${u8(b, i + 2)}.${u8(b, i + 3)}`
}

export function ipv6Text(b: ArrayLike<number>, i: number): string {
  const groups: string[] = []
  for (let k = 0; k < 8; k++) groups.push(u16(b, i + 2 * k).toString(16))
  // Longest run of zero groups (two or more) becomes "::" (RFC 5952 §4.2).
  let best = -1
  let bestLength = 1
  for (let k = 0; k < 8;) {
    if (groups[k] !== '0') {
      k++
      continue
    }
    let end = k
    while (end < 8 && groups[end] === '0') end++
    if (end - k > bestLength) {
      best = k
      bestLength = end - k
    }
    k = end
  }
  if (best < 0) return groups.join(':')
  return groups.slice(0, best).join(':') + '::' + groups.slice(best + bestLength).join(':')
}

function etherTypeName(type: number): string {
  switch (type) {
    case ETHERTYPE_IPV4:
      return 'IPv4'
    case ETHERTYPE_ARP:
      return 'ARP'
    case ETHERTYPE_VLAN:
      return '802.1Q'
    case ETHERTYPE_IPV6:
      return 'IPv6'
    case ETHERTYPE_TEST:
      return 'local experimental (workbench test frame)'
    default:
      return type < 0x0600 ? 'length' : 'unknown'
  }
}

function protocolName(p: number): string {
  return p === IP_ICMP ? 'ICMP' : p === IP_TCP ? 'TCP' : p === IP_UDP ? 'UDP' : p === IP_ICMPV6 ? 'ICMPv6' : `${p}`
}

/** A header that does not fit in the frame: shown as what is there. */
function truncated(name: string, start: number, end: number, need: number): DecodeNode {
  return node(`${name} (truncated: ${Math.max(0, end - start)} of ${need} bytes)`, start, Math.max(0, end - start))
}

export function decodeFrame(bytes: ArrayLike<number>): DecodeNode[] {
  const end = bytes.length
  const out: DecodeNode[] = []
  if (end < 14) {
    out.push(truncated('Ethernet II', 0, end, 14))
    return out
  }
  let type = u16(bytes, 12)
  out.push(
    node(`Ethernet II, ${macText(bytes, 6)} → ${macText(bytes, 0)}`, 0, 14, [
      node(`Destination: ${macText(bytes, 0)}`, 0, 6),
      node(`Source: ${macText(bytes, 6)}`, 6, 6),
      node(`Type: ${etherTypeName(type)} (${hex(type, 4)})`, 12, 2),
    ]),
  )
  let at = 14
  for (let tags = 0; type === ETHERTYPE_VLAN && tags < MAX_VLAN_TAGS; tags++) {
    if (end - at < 4) {
      out.push(truncated('802.1Q VLAN', at, end, 4))
      return out
    }
    const tci = u16(bytes, at)
    type = u16(bytes, at + 2)
    out.push(
      node(`802.1Q VLAN, ID ${tci & 0xfff}, priority ${tci >>> 13}`, at, 4, [
        node(`Priority: ${tci >>> 13}`, at, 2),
        node(`Drop eligible: ${(tci >>> 12) & 1}`, at, 2),
        node(`VLAN ID: ${tci & 0xfff}`, at, 2),
        node(`Type: ${etherTypeName(type)} (${hex(type, 4)})`, at + 2, 2),
      ]),
    )
    at += 4
  }
  if (type === ETHERTYPE_ARP) out.push(...decodeArp(bytes, at, end))
  else if (type === ETHERTYPE_IPV4) out.push(...decodeIpv4(bytes, at, end))
  else if (type === ETHERTYPE_IPV6) out.push(...decodeIpv6(bytes, at, end))
  else if (type === ETHERTYPE_TEST) out.push(...decodeTestFrame(bytes, at, end))
  else if (at < end) out.push(node(`Data (${end - at} bytes)`, at, end - at))
  return out
}

function decodeArp(b: ArrayLike<number>, at: number, end: number): DecodeNode[] {
  if (end - at < 8) return [truncated('ARP', at, end, 28)]
  const hlen = u8(b, at + 4)
  const plen = u8(b, at + 5)
  const length = 8 + 2 * (hlen + plen)
  if (end - at < length) return [truncated('ARP', at, end, length)]
  const op = u16(b, at + 6)
  const ethernetIpv4 = hlen === 6 && plen === 4
  const sha = at + 8
  const spa = sha + hlen
  const tha = spa + plen
  const tpa = tha + hlen
  const opName = op === 1 ? 'request' : op === 2 ? 'reply' : `opcode ${op}`
  const children = [
    node(`Hardware type: ${u16(b, at)}`, at, 2),
    node(`Protocol type: ${hex(u16(b, at + 2), 4)}`, at + 2, 2),
    node(`Hardware size: ${hlen}`, at + 4, 1),
    node(`Protocol size: ${plen}`, at + 5, 1),
    node(`Opcode: ${opName} (${op})`, at + 6, 2),
  ]
  if (ethernetIpv4) {
    children.push(
      node(`Sender MAC: ${macText(b, sha)}`, sha, 6),
      node(`Sender IP: ${ipv4Text(b, spa)}`, spa, 4),
      node(`Target MAC: ${macText(b, tha)}`, tha, 6),
      node(`Target IP: ${ipv4Text(b, tpa)}`, tpa, 4),
    )
  }
  const summary = ethernetIpv4 ? `ARP ${opName}, ${ipv4Text(b, spa)} → ${ipv4Text(b, tpa)}` : `ARP ${opName}`
  return [node(summary, at, length, children)]
}

function decodeIpv4(b: ArrayLike<number>, at: number, end: number): DecodeNode[] {
  if (end - at < 20) return [truncated('IPv4', at, end, 20)]
  const version = u8(b, at) >>> 4
  const ihl = (u8(b, at) & 0xf) * 4
  if (version !== 4 || ihl < 20) {
    return [node(`IPv4 (bad header: version ${version}, header length ${ihl})`, at, Math.min(20, end - at))]
  }
  if (end - at < ihl) return [truncated('IPv4', at, end, ihl)]
  const total = u16(b, at + 2)
  const flags = u16(b, at + 6)
  const protocol = u8(b, at + 9)
  const children = [
    node(`Version: 4, header length: ${ihl}`, at, 1),
    node(`DSCP/ECN: ${hex(u8(b, at + 1), 2)}`, at + 1, 1),
    node(`Total length: ${total}`, at + 2, 2),
    node(`Identification: ${hex(u16(b, at + 4), 4)}`, at + 4, 2),
    node(
      `Flags: ${flags & 0x4000 ? 'DF ' : ''}${flags & 0x2000 ? 'MF ' : ''}offset ${(flags & 0x1fff) * 8}`,
      at + 6,
      2,
    ),
    node(`Time to live: ${u8(b, at + 8)}`, at + 8, 1),
    node(`Protocol: ${protocolName(protocol)} (${protocol})`, at + 9, 1),
    node(`Header checksum: ${hex(u16(b, at + 10), 4)}`, at + 10, 2),
    node(`Source: ${ipv4Text(b, at + 12)}`, at + 12, 4),
    node(`Destination: ${ipv4Text(b, at + 16)}`, at + 16, 4),
  ]
  if (ihl > 20) children.push(node(`Options (${ihl - 20} bytes)`, at + 20, ihl - 20))
  const out = [node(`IPv4, ${ipv4Text(b, at + 12)} → ${ipv4Text(b, at + 16)}`, at, ihl, children)]
  // The payload ends where the IP datagram says, unless the frame is shorter (then it is truncated).
  const payloadEnd = total >= ihl ? Math.min(end, at + total) : end
  const fragmentOffset = flags & 0x1fff
  if (fragmentOffset !== 0) {
    if (payloadEnd > at + ihl) out.push(node('Fragment data', at + ihl, payloadEnd - at - ihl))
    return out
  }
  out.push(...decodeTransport(b, protocol, at + ihl, payloadEnd, false))
  return out
}

function decodeIpv6(b: ArrayLike<number>, at: number, end: number): DecodeNode[] {
  if (end - at < 40) return [truncated('IPv6', at, end, 40)]
  const version = u8(b, at) >>> 4
  if (version !== 6) return [node(`IPv6 (bad header: version ${version})`, at, 40)]
  const payload = u16(b, at + 4)
  let next = u8(b, at + 6)
  const out = [
    node(`IPv6, ${ipv6Text(b, at + 8)} → ${ipv6Text(b, at + 24)}`, at, 40, [
      node(`Version: 6, traffic class ${hex((u16(b, at) >>> 4) & 0xff, 2)}`, at, 2),
      node(`Flow label: ${hex(u32(b, at) & 0xfffff, 5)}`, at + 1, 3),
      node(`Payload length: ${payload}`, at + 4, 2),
      node(`Next header: ${protocolName(next)} (${next})`, at + 6, 1),
      node(`Hop limit: ${u8(b, at + 7)}`, at + 7, 1),
      node(`Source: ${ipv6Text(b, at + 8)}`, at + 8, 16),
      node(`Destination: ${ipv6Text(b, at + 24)}`, at + 24, 16),
    ]),
  ]
  const payloadEnd = Math.min(end, at + 40 + payload)
  let p = at + 40
  for (let hops = 0; IPV6_EXTENSIONS.has(next) && hops < 8; hops++) {
    if (payloadEnd - p < 8) {
      out.push(truncated('IPv6 extension header', p, payloadEnd, 8))
      return out
    }
    const length = (u8(b, p + 1) + 1) * 8
    out.push(node(`IPv6 extension header ${next} (${length} bytes)`, p, Math.min(length, payloadEnd - p)))
    next = u8(b, p)
    p += length
  }
  if (p > payloadEnd) return out
  out.push(...decodeTransport(b, next, p, payloadEnd, true))
  return out
}

function decodeTransport(b: ArrayLike<number>, protocol: number, at: number, end: number, v6: boolean): DecodeNode[] {
  if (at >= end) return []
  if (protocol === IP_UDP) return decodeUdp(b, at, end)
  if (protocol === IP_TCP) return decodeTcp(b, at, end)
  if ((protocol === IP_ICMP && !v6) || (protocol === IP_ICMPV6 && v6)) return decodeIcmp(b, at, end, v6)
  return [node(`${protocolName(protocol)} payload (${end - at} bytes)`, at, end - at)]
}

function decodeUdp(b: ArrayLike<number>, at: number, end: number): DecodeNode[] {
  if (end - at < 8) return [truncated('UDP', at, end, 8)]
  const src = u16(b, at)
  const dst = u16(b, at + 2)
  const out = [
    node(`UDP, port ${src} → ${dst}`, at, 8, [
      node(`Source port: ${src}`, at, 2),
      node(`Destination port: ${dst}`, at + 2, 2),
      node(`Length: ${u16(b, at + 4)}`, at + 4, 2),
      node(`Checksum: ${hex(u16(b, at + 6), 4)}`, at + 6, 2),
    ]),
  ]
  if (end > at + 8 && (src === DNS_PORT || dst === DNS_PORT)) out.push(...decodeDns(b, at + 8, end))
  else if (end > at + 8) out.push(node(`Data (${end - at - 8} bytes)`, at + 8, end - at - 8))
  return out
}

function decodeTcp(b: ArrayLike<number>, at: number, end: number): DecodeNode[] {
  if (end - at < 20) return [truncated('TCP', at, end, 20)]
  const src = u16(b, at)
  const dst = u16(b, at + 2)
  const offset = (u8(b, at + 12) >>> 4) * 4
  const flagBits = u8(b, at + 13)
  const names = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'].filter((_, i) => flagBits & (1 << i))
  if (offset < 20) return [node(`TCP (bad header length ${offset})`, at, 20)]
  const headerLength = Math.min(offset, end - at)
  const children = [
    node(`Source port: ${src}`, at, 2),
    node(`Destination port: ${dst}`, at + 2, 2),
    node(`Sequence number: ${u32(b, at + 4)}`, at + 4, 4),
    node(`Acknowledgment number: ${u32(b, at + 8)}`, at + 8, 4),
    node(`Header length: ${offset}`, at + 12, 1),
    node(`Flags: ${names.join(' ') || 'none'} (${hex(flagBits, 2)})`, at + 13, 1),
    node(`Window: ${u16(b, at + 14)}`, at + 14, 2),
    node(`Checksum: ${hex(u16(b, at + 16), 4)}`, at + 16, 2),
    node(`Urgent pointer: ${u16(b, at + 18)}`, at + 18, 2),
  ]
  if (offset > 20) children.push(node(`Options (${headerLength - 20} bytes)`, at + 20, headerLength - 20))
  const label =
    end - at < offset
      ? `TCP (truncated options), port ${src} → ${dst}`
      : `TCP, port ${src} → ${dst} [${names.join(' ')}]`
  const out = [node(label, at, headerLength, children)]
  if (end > at + offset) out.push(node(`Data (${end - at - offset} bytes)`, at + offset, end - at - offset))
  return out
}

function icmpTypeName(type: number, v6: boolean): string {
  if (v6) {
    const names: Record<number, string> = {
      1: 'destination unreachable',
      2: 'packet too big',
      3: 'time exceeded',
      128: 'echo request',
      129: 'echo reply',
      133: 'router solicitation',
      134: 'router advertisement',
      135: 'neighbor solicitation',
      136: 'neighbor advertisement',
    }
    return names[type] ?? `type ${type}`
  }
  const names: Record<number, string> = {
    0: 'echo reply',
    3: 'destination unreachable',
    5: 'redirect',
    8: 'echo request',
    11: 'time exceeded',
  }
  return names[type] ?? `type ${type}`
}

function decodeIcmp(b: ArrayLike<number>, at: number, end: number, v6: boolean): DecodeNode[] {
  const name = v6 ? 'ICMPv6' : 'ICMP'
  if (end - at < 4) return [truncated(name, at, end, 4)]
  const type = u8(b, at)
  const children = [
    node(`Type: ${icmpTypeName(type, v6)} (${type})`, at, 1),
    node(`Code: ${u8(b, at + 1)}`, at + 1, 1),
    node(`Checksum: ${hex(u16(b, at + 2), 4)}`, at + 2, 2),
  ]
  const echo = v6 ? type === 128 || type === 129 : type === 0 || type === 8
  if (echo && end - at >= 8) {
    children.push(
      node(`Identifier: ${u16(b, at + 4)}`, at + 4, 2),
      node(`Sequence number: ${u16(b, at + 6)}`, at + 6, 2),
    )
  }
  return [node(`${name} ${icmpTypeName(type, v6)}`, at, end - at, children)]
}

/** The generator's test header (core/wire/test-frame.ts): magic, stream, length, sequence number, CRC-32. */
function decodeTestFrame(b: ArrayLike<number>, at: number, end: number): DecodeNode[] {
  if (end - at < 16) return [truncated('Workbench test frame', at, end, 16)]
  const magic = (u16(b, at) << 16) | u16(b, at + 2)
  if (magic >>> 0 !== TEST_MAGIC) return [node(`Data (${end - at} bytes)`, at, end - at)]
  const sequence = ((u16(b, at + 8) << 16) | u16(b, at + 10)) >>> 0
  const crc = ((u16(b, at + 12) << 16) | u16(b, at + 14)) >>> 0
  const nodes = [
    node(`Workbench test frame, stream ${u16(b, at + 4)}, sequence ${sequence}`, at, 16, [
      node('Magic: NWBT', at, 4),
      node(`Stream: ${u16(b, at + 4)}`, at + 4, 2),
      node(`Frame length: ${u16(b, at + 6)}`, at + 6, 2),
      node(`Sequence number: ${sequence}`, at + 8, 4),
      node(`CRC-32: ${hex(crc, 8)}`, at + 12, 4),
    ]),
  ]
  if (at + 16 < end) nodes.push(node(`Filler (${end - at - 16} bytes)`, at + 16, end - at - 16))
  return nodes
}
