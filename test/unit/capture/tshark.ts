// The independent oracle for capture files: Wireshark's tshark (../shared/reference/stack.md, "Other tools").
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'

const run = promisify(execFile)
export const TSHARK = '/usr/bin/tshark'
export const haveTshark = existsSync(TSHARK)

export interface TsharkFrame {
  len: number
  capLen: number
  /** frame.time_epoch as tshark prints it: seconds, a dot, nine digits. */
  epoch: string
  hex: string
  comment?: string
  direction?: string
}

type Layers = {
  frame_raw?: [string, ...unknown[]]
  frame?: Record<string, unknown>
  pkt_comment?: Record<string, unknown>
}

const first = (v: unknown): string | undefined =>
  Array.isArray(v) ? String(v[0]) : v === undefined ? undefined : String(v)

export async function tsharkFrames(file: string): Promise<TsharkFrame[]> {
  const { stdout } = await run(TSHARK, ['-r', file, '-T', 'json', '-x', '--no-duplicate-keys'], {
    maxBuffer: 512 * 1024 * 1024,
  })
  const packets = JSON.parse(stdout) as { _source: { layers: Layers } }[]
  return packets.map(({ _source: { layers } }) => {
    const f = layers.frame ?? {}
    const comment = first(layers.pkt_comment?.['frame.comment'])
    const direction = first(
      f['frame.packet_flags_tree'] &&
        (f['frame.packet_flags_tree'] as Record<string, unknown>)['frame.packet_flags_direction'],
    )
    return {
      len: Number(first(f['frame.len'])),
      capLen: Number(first(f['frame.cap_len'])),
      epoch: first(f['frame.time_epoch']) ?? '',
      hex: layers.frame_raw ? String(layers.frame_raw[0]) : '',
      ...(comment !== undefined ? { comment } : {}),
      ...(direction !== undefined ? { direction } : {}),
    }
  })
}

/** tshark's refusal of a file, or '' when it reads it. */
export async function tsharkError(file: string): Promise<string> {
  try {
    await run(TSHARK, ['-r', file, '-c', '1', '-T', 'fields', '-e', 'frame.number'])
    return ''
  } catch (e) {
    return String((e as { stderr?: string }).stderr ?? e)
  }
}

export const hexOf = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')

export const epochOf = (seconds: number, nanoseconds: number): string =>
  `${seconds}.${String(nanoseconds).padStart(9, '0')}`

/** Runs `fn` over `items` with at most `limit` at a time (the machine has two cores). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
