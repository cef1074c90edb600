// How numbers read in a debugger: addresses as 0x%08x, times in the unit that fits, rates with SI prefixes.
import type { SourceLocation } from '../../../core/api/workbench-api'

export function hex32(value: number): string {
  return '0x' + (value >>> 0).toString(16).padStart(8, '0')
}

export function hex(value: number, digits = 0): string {
  return '0x' + (value >>> 0).toString(16).padStart(digits, '0')
}

export function hexByte(value: number): string {
  return (value & 0xff).toString(16).padStart(2, '0')
}

/** Virtual time in integer nanoseconds, shown in the largest unit that keeps it above 1. */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return '—'
  const abs = Math.abs(ns)
  if (abs < 1_000) return `${Math.round(ns)} ns`
  if (abs < 1_000_000) return `${(ns / 1_000).toFixed(3)} µs`
  if (abs < 1_000_000_000) return `${(ns / 1_000_000).toFixed(3)} ms`
  return `${(ns / 1_000_000_000).toFixed(6)} s`
}

/** A count or rate with k/M/G, three significant figures. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—'
  const abs = Math.abs(value)
  if (abs < 1_000) return Number.isInteger(value) ? String(value) : value.toFixed(1)
  if (abs < 1_000_000) return `${(value / 1_000).toPrecision(3)}k`
  if (abs < 1_000_000_000) return `${(value / 1_000_000).toPrecision(3)}M`
  return `${(value / 1_000_000_000).toPrecision(3)}G`
}

/** file:line, with the file's folders left out (the editor holds one script). */
export function formatLocation(at: SourceLocation | null | undefined): string {
  if (!at || at.line <= 0) return '—'
  const file = at.file.slice(at.file.lastIndexOf('/') + 1)
  return `${file}:${at.line}`
}
