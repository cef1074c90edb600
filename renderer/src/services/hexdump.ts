// The bytes pane: 16 bytes a row (offset, hex, ASCII), and which buffer of the chain holds a byte or a range.
import type { BufferView } from '../../../core/api/workbench-api'

export const BYTES_PER_ROW = 16

export interface HexRow {
  offset: number
  bytes: number[]
}

export function hexRows(bytes: readonly number[], width = BYTES_PER_ROW): HexRow[] {
  const rows: HexRow[] = []
  for (let offset = 0; offset < bytes.length; offset += width)
    rows.push({ offset, bytes: bytes.slice(offset, offset + width) })
  return rows
}

/** Printable ASCII as itself, anything else as a dot (Wireshark's bytes pane). */
export function asciiOf(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.'
}

/** Index in the chain of the buffer holding frame byte `offset`, or -1. */
export function bufferIndexAt(chain: readonly BufferView[], offset: number): number {
  for (let i = 0; i < chain.length; i++) {
    const b = chain[i]!
    if (offset >= b.frameOffset && offset < b.frameOffset + b.byteCount) return i
  }
  return -1
}

/** Indices of the buffers that hold any byte of [start, start + length). */
export function buffersInRange(chain: readonly BufferView[], start: number, length: number): number[] {
  const end = start + Math.max(length, 1)
  const found: number[] = []
  chain.forEach((b, i) => {
    if (b.byteCount > 0 && b.frameOffset < end && b.frameOffset + b.byteCount > start) found.push(i)
  })
  return found
}

/** Frame range of one buffer of the chain. */
export function rangeOfBuffer(chain: readonly BufferView[], index: number): { start: number; length: number } | null {
  const b = chain[index]
  return b ? { start: b.frameOffset, length: b.byteCount } : null
}
