// DNS in the decode tree (RFC 1035 §4.1): the query and the answer of a real capture (examples/captures/dns_udp.pcap)
// with their names, types and addresses; compression loops and short messages end the tree, never the view.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DecodeNode } from '../../../core/api/workbench-api'
import { readCapture } from '../../../core/capture/capture-reader'
import { decodeFrame } from '../../../core/inspect/decode'
import { decodeDns } from '../../../core/inspect/decode-dns'

const capture = readCapture(
  new Uint8Array(readFileSync(join(__dirname, '../../../examples/captures/dns_udp.pcap'))),
  'dns_udp.pcap',
)
const dnsOf = (frame: Uint8Array): DecodeNode => decodeFrame(frame).find((n) => n.label.startsWith('DNS'))!

function inside(nodes: DecodeNode[], length: number): boolean {
  return nodes.every((n) => n.start >= 0 && n.length >= 0 && n.start + n.length <= length && inside(n.children, length))
}

describe('DNS in the decode tree', () => {
  it("decodes the capture's query: its ID, flags and question", () => {
    const query = dnsOf(capture.frames[0]!.data)
    expect(query.label).toMatch(/^DNS query 0x[0-9a-f]{4}, A \S+$/)
    expect(query.children.map((c) => c.label)).toContain('Questions: 1')
    expect(
      query.children.some((c) => /^Flags: 0x[0-9a-f]{4} \(query, opcode 0, recursion desired\)$/.test(c.label)),
    ).toBe(true)
    expect(query.children.some((c) => /^Query: \S+ A$/.test(c.label))).toBe(true)
  })

  it("decodes the capture's answer: compressed names and IPv4 addresses with their TTLs", () => {
    const answer = dnsOf(capture.frames[1]!.data)
    const question = dnsOf(capture.frames[0]!.data).label.split(', ')[1]!
    expect(answer.label).toBe(dnsOf(capture.frames[0]!.data).label.replace('query', 'response'))
    const records = answer.children.filter((c) => /^(Answer|Authority|Additional): /.test(c.label))
    expect(records.length).toBeGreaterThan(0)
    for (const r of records) expect(r.label).toMatch(/^\w+: \S+ (A \d+\.\d+\.\d+\.\d+|NS \S+|\S+ .+), TTL \d+$/)
    expect(records.some((r) => r.label.startsWith(`Answer: ${question.slice(2)}`))).toBe(true)
    expect(inside([answer], capture.frames[1]!.data.length)).toBe(true)
  })

  it('stops at a compression loop and at a short message', () => {
    // Header: one question, whose name is a pointer to itself (offset 12).
    const loop = [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1]
    expect(decodeDns(loop, 0, loop.length)[0]!.children.at(-1)!.label).toBe('Query (malformed or truncated)')
    expect(decodeDns([0, 1, 2], 0, 3)[0]!.label).toBe('DNS (truncated: 3 of 12 bytes)')
  })

  it('never throws and keeps every node inside the message, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 200 }), (bytes) => {
        expect(inside(decodeDns(bytes, 0, bytes.length), bytes.length)).toBe(true)
      }),
    )
  })
})
