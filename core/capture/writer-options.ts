import type { ByteChunks } from './byte-chunks'

/** Largest snapshot length written or accepted: 256 KiB, Wireshark's limit for ordinary link types. */
export const MAX_SNAPLEN = 262144

export interface CaptureWriterOptions {
  /** Unix second that virtual time 0 maps to (default 0, i.e. 1970-01-01: a run has no wall-clock date). */
  epochSeconds?: number
  /** Frames longer than this are cut to it; the original length is kept (default 262144). */
  snaplen?: number
  /** Bytes per output chunk (default 64 KiB). */
  chunkSize?: number
}

export const NS_PER_S = 1_000_000_000

export function checkedSnaplen(snaplen: number | undefined): number {
  const s = snaplen ?? MAX_SNAPLEN
  if (!Number.isInteger(s) || s < 1 || s > MAX_SNAPLEN) throw new RangeError(`snaplen ${s} not in [1, ${MAX_SNAPLEN}]`)
  return s
}

export function checkedEpoch(epochSeconds: number | undefined): number {
  const e = epochSeconds ?? 0
  if (!Number.isInteger(e) || e < 0 || e >= 2 ** 32) throw new RangeError(`epochSeconds ${e} not in [0, 2^32)`)
  return e
}

/** Copies without making a subarray view when the whole array is the frame (the common case). */
export function copyFrame(dst: Uint8Array, at: number, data: Uint8Array, offset: number, length: number): void {
  if (offset === 0 && length === data.length) dst.set(data, at)
  else dst.set(data.subarray(offset, offset + length), at)
}

/** What the engine needs from either writer. */
export interface CaptureWriter {
  readonly frames: number
  readonly output: ByteChunks
  writeFrame(
    timeNs: number,
    data: Uint8Array,
    offset?: number,
    length?: number,
    originalLength?: number,
    direction?: 0 | 1 | 2,
    comment?: string,
  ): void
}
