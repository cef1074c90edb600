// Decode tree of a DNS message (RFC 1035 §4.1): header, questions and resource records, names with their
// compression pointers (§4.1.4) followed a bounded number of times. A short or malformed message is shown as far as
// it goes; nothing here throws on any input.
import type { DecodeNode } from './views'

/** The UDP port of DNS. */
export const DNS_PORT = 53
const HEADER = 12
/** Compression pointers followed per name at most (a loop of pointers ends here). */
const MAX_JUMPS = 16
/** Records shown at most per message. */
const MAX_RECORDS = 32
const TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'A',
  2: 'NS',
  5: 'CNAME',
  6: 'SOA',
  12: 'PTR',
  15: 'MX',
  16: 'TXT',
  28: 'AAAA',
  33: 'SRV',
  41: 'OPT',
  255: 'ANY',
}
const RCODES = ['no error', 'format error', 'server failure', 'no such name', 'not implemented', 'refused']

function node(label: string, start: number, length: number, children: DecodeNode[] = []): DecodeNode {
  return { label, start, length, children }
}

function u8(b: ArrayLike<number>, i: number): number {
  return (b[i] ?? 0) & 0xff
}

function u16(b: ArrayLike<number>, i: number): number {
  return (u8(b, i) << 8) | u8(b, i + 1)
}

function typeName(type: number): string {
  return TYPE_NAMES[type] ?? `type ${type}`
}

/**
 * The name at `at` of the message starting at `base`: its text, and where the bytes after it start (after the first
 * pointer when compressed); null when it runs out of the message, loops, or uses a reserved label type.
 */
function readName(b: ArrayLike<number>, base: number, at: number, end: number): { text: string; next: number } | null {
  const labels: string[] = []
  let next = -1
  let i = at
  for (let jumps = 0; ;) {
    if (i >= end) return null
    const length = u8(b, i)
    if (length === 0) {
      if (next < 0) next = i + 1
      break
    }
    if ((length & 0xc0) === 0xc0) {
      if (i + 1 >= end || ++jumps > MAX_JUMPS) return null
      if (next < 0) next = i + 2
      i = base + (((length & 0x3f) << 8) | u8(b, i + 1))
      continue
    }
    if ((length & 0xc0) !== 0 || i + 1 + length > end) return null
    let label = ''
    for (let k = 1; k <= length; k++) {
      const c = u8(b, i + k)
      label += c > 0x20 && c < 0x7f && c !== 0x2e ? String.fromCharCode(c) : `\\${c.toString(8).padStart(3, '0')}`
    }
    labels.push(label)
    if (labels.join('.').length > 255) return null
    i += 1 + length
  }
  return { text: labels.length === 0 ? '<root>' : labels.join('.'), next }
}

function rdataText(b: ArrayLike<number>, base: number, type: number, at: number, length: number, end: number): string {
  if (type === 1 && length === 4) return `${u8(b, at)}.${u8(b, at + 1)}.${u8(b, at + 2)}.${u8(b, at + 3)}`
  if (type === 28 && length === 16) {
    const groups: string[] = []
    for (let k = 0; k < 16; k += 2) groups.push(u16(b, at + k).toString(16))
    return groups.join(':')
  }
  if (type === 2 || type === 5 || type === 12) return readName(b, base, at, Math.min(end, at + length))?.text ?? '?'
  return `${length} bytes`
}

/** A DNS message in b[at, end): one node with the header's fields, the questions and the records as children. */
export function decodeDns(b: ArrayLike<number>, at: number, end: number): DecodeNode[] {
  if (end - at < HEADER) {
    return [node(`DNS (truncated: ${Math.max(0, end - at)} of ${HEADER} bytes)`, at, Math.max(0, end - at))]
  }
  const id = u16(b, at)
  const flags = u16(b, at + 2)
  const response = (flags & 0x8000) !== 0
  const rcode = flags & 0xf
  const counts = [u16(b, at + 4), u16(b, at + 6), u16(b, at + 8), u16(b, at + 10)] as const
  const children: DecodeNode[] = [
    node(`Transaction ID: 0x${id.toString(16).padStart(4, '0')}`, at, 2),
    node(
      `Flags: 0x${flags.toString(16).padStart(4, '0')} (${response ? 'response' : 'query'}, opcode ${(flags >>> 11) & 0xf}` +
        `${flags & 0x0400 ? ', authoritative' : ''}${flags & 0x0200 ? ', truncated' : ''}` +
        `${flags & 0x0100 ? ', recursion desired' : ''}${flags & 0x0080 ? ', recursion available' : ''}` +
        `${response ? `, ${RCODES[rcode] ?? `rcode ${rcode}`}` : ''})`,
      at + 2,
      2,
    ),
    node(`Questions: ${counts[0]}`, at + 4, 2),
    node(`Answer RRs: ${counts[1]}`, at + 6, 2),
    node(`Authority RRs: ${counts[2]}`, at + 8, 2),
    node(`Additional RRs: ${counts[3]}`, at + 10, 2),
  ]
  let i = at + HEADER
  let first = ''
  let shown = 0
  let broken = false
  const sections: [string, number][] = [
    ['Query', counts[0]],
    ['Answer', counts[1]],
    ['Authority', counts[2]],
    ['Additional', counts[3]],
  ]
  for (const [section, count] of sections) {
    for (let k = 0; k < count && !broken; k++) {
      if (shown++ >= MAX_RECORDS) {
        children.push(node(`… ${count - k} more ${section.toLowerCase()} records`, i, end - i))
        broken = true
        break
      }
      const name = readName(b, at, i, end)
      const fixed = section === 'Query' ? 4 : 10
      if (!name || name.next + fixed > end) {
        children.push(node(`${section} (malformed or truncated)`, i, end - i))
        broken = true
        break
      }
      const type = u16(b, name.next)
      const start = i
      if (section === 'Query') {
        if (first === '') first = `${typeName(type)} ${name.text}`
        children.push(node(`${section}: ${name.text} ${typeName(type)}`, start, name.next + 4 - start))
        i = name.next + 4
        continue
      }
      const ttl = ((u16(b, name.next + 4) << 16) | u16(b, name.next + 6)) >>> 0
      const length = u16(b, name.next + 8)
      const data = name.next + 10
      if (data + length > end) {
        children.push(node(`${section}: ${name.text} ${typeName(type)} (truncated)`, start, end - start))
        broken = true
        break
      }
      const value = rdataText(b, at, type, data, length, end)
      children.push(
        node(`${section}: ${name.text} ${typeName(type)} ${value}, TTL ${ttl}`, start, data + length - start),
      )
      i = data + length
    }
    if (broken) break
  }
  const kind = response ? `response${rcode !== 0 ? ` (${RCODES[rcode] ?? `rcode ${rcode}`})` : ''}` : 'query'
  const label = `DNS ${kind} 0x${id.toString(16).padStart(4, '0')}${first ? `, ${first}` : ''}`
  return [node(label, at, Math.min(end, Math.max(i, at + HEADER)) - at, children)]
}
