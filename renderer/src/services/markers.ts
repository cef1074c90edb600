// Findings, pre-run diagnostics and runtime errors as editor markers (plain data; the editor maps them to Monaco).
import type { Diagnostic, FindingRow, SourceLocation } from '../../../core/api/workbench-api'

export interface MarkerData {
  severity: 'error' | 'warning'
  message: string
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
  code?: string
  source: string
}

/** Same script when the base names agree (the host may report a path, the editor holds a name). */
export function sameFile(a: string, b: string): boolean {
  const base = (p: string) => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1)
  return base(a) === base(b)
}

function span(at: SourceLocation, lineMaxColumn: (line: number) => number) {
  const line = Math.max(1, Math.floor(at.line))
  const column = Math.max(1, Math.floor(at.column) || 1)
  const end = Math.max(column + 1, lineMaxColumn(line))
  return { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: end }
}

export function findingMarkers(
  findings: readonly FindingRow[],
  fileName: string,
  lineMaxColumn: (line: number) => number,
): MarkerData[] {
  return findings
    .filter((f) => f.at.line > 0 && sameFile(f.at.file, fileName))
    .map((f) => ({
      ...span(f.at, lineMaxColumn),
      severity: f.bugCheck || f.severity === 'error' ? 'error' : 'warning',
      message: `${f.rule} ${f.title}: ${f.message}`,
      code: f.code,
      source: f.bugCheck ? 'bug check' : 'verifier',
    }))
}

export function diagnosticMarkers(
  diagnostics: readonly Diagnostic[],
  fileName: string,
  lineMaxColumn: (line: number) => number,
): MarkerData[] {
  return diagnostics
    .filter((d) => d.line > 0 && sameFile(d.file, fileName))
    .map((d) => ({ ...span(d, lineMaxColumn), severity: d.severity, message: d.message, source: 'check' }))
}

export function runtimeErrorMarkers(
  error: { message: string; at: SourceLocation | null } | null,
  fileName: string,
  lineMaxColumn: (line: number) => number,
): MarkerData[] {
  if (!error?.at || error.at.line <= 0 || !sameFile(error.at.file, fileName)) return []
  return [{ ...span(error.at, lineMaxColumn), severity: 'error', message: error.message, source: 'runtime' }]
}
