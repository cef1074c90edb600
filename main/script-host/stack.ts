// The script's own stack for an exception thrown by a handler: frames of the compiled script mapped back through its
// source map to the lines the user wrote; frames of the workbench itself are left out.
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping'
import type { TranspiledScript } from './transpile'

/** What mapping a stack back to the script needs. */
export type MappedScript = Pick<TranspiledScript, 'file' | 'map'>

export interface ScriptFrame {
  function: string
  file: string
  line: number
  column: number
}

const FRAME = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/

export function scriptFrames(error: unknown, script: MappedScript): ScriptFrame[] {
  const stack =
    error instanceof Error || (typeof error === 'object' && error !== null && 'stack' in error)
      ? String((error as { stack?: unknown }).stack ?? '')
      : ''
  let map: TraceMap | undefined
  const frames: ScriptFrame[] = []
  for (const line of stack.split('\n')) {
    const m = FRAME.exec(line)
    if (!m || m[2] !== script.file) continue
    map ??= new TraceMap(script.map)
    const original = originalPositionFor(map, { line: Number(m[3]), column: Number(m[4]) - 1 })
    frames.push({
      // Exported functions are called as properties of the exports object: show the name the user wrote.
      function: (m[1] ?? '<script>').replace(/^Object\./, ''),
      file: script.file,
      line: original.line ?? Number(m[3]),
      column: original.column !== null && original.column !== undefined ? original.column + 1 : Number(m[4]),
    })
  }
  return frames
}

/** `Error: message` plus `    at fn (file:line:column)` lines, as the user expects to read it. */
export function formatScriptError(error: unknown, script: MappedScript): string {
  const head =
    error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error && 'message' in error)
      ? `${String((error as Error).name)}: ${String((error as Error).message)}`
      : `thrown: ${String(error)}`
  const frames = scriptFrames(error, script)
  return [head, ...frames.map((f) => `    at ${f.function} (${f.file}:${f.line}:${f.column})`)].join('\n')
}
