// The script's own stack for an exception thrown by a handler: frames of the compiled script mapped back through its
// source map to the lines the user wrote; frames of the workbench itself are left out.
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping'
import { types } from 'node:util'
import { valueText } from '../../core/verifier/value-text'
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

/**
 * A property of what the script threw, as text, or `undefined` when it has none. Runs none of the script's code, so
 * it never throws and never hangs: a Proxy is not looked into, a getter the script wrote is not called (the engine's
 * own, such as an Error's stack, is), and a value that is not a string is shown by kind.
 */
export function thrownText(thrown: unknown, key: 'name' | 'message' | 'stack'): string | undefined {
  if ((typeof thrown !== 'object' && typeof thrown !== 'function') || thrown === null || types.isProxy(thrown))
    return undefined
  try {
    for (
      let o: object | null = thrown;
      o !== null && !types.isProxy(o);
      o = Object.getPrototypeOf(o) as object | null
    ) {
      const d = Object.getOwnPropertyDescriptor(o, key)
      if (d === undefined) continue
      const value: unknown = 'value' in d ? d.value : d.get && isNative(d.get) ? d.get.call(thrown) : undefined
      if (value === undefined || value === null) return undefined
      return typeof value === 'string' ? value : valueText(value)
    }
  } catch {
    // An engine getter that failed (e.g. a stack formatter the script replaced): no text.
  }
  return undefined
}

function isNative(fn: () => unknown): boolean {
  return /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(fn))
}

export function scriptFrames(error: unknown, script: MappedScript): ScriptFrame[] {
  const stack = thrownText(error, 'stack') ?? ''
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
  const name = thrownText(error, 'name')
  const message = thrownText(error, 'message')
  const head =
    name !== undefined || message !== undefined
      ? `${name ?? 'Error'}: ${message ?? ''}`
      : `thrown: ${typeof error === 'object' && error !== null ? 'an object' : valueText(error)}`
  const frames = scriptFrames(error, script)
  return [head, ...frames.map((f) => `    at ${f.function} (${f.file}:${f.line}:${f.column})`)].join('\n')
}
