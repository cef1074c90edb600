// Runs a transpiled miniport script in a node:vm context. The NDIS API is handed in as parameters of the compiled
// function — local bindings, not globals of the context (a global lookup costs ~85 ns; stack.md) — and the context has
// no require, process, timers, fs or network. A sandbox against accidents, not against hostile code: the script is
// the user's own driver, and it runs in the engine process, under Node's permission model, which the host supervises.
import vm from 'node:vm'
import type { ScriptRealm } from '../../core/kernel/script-realm'
import { lockHandedValues } from './host-realm'
import { SITE_CELL } from './site-cell'
import type { TranspiledScript } from './transpile'

export interface LoadedScript {
  /** What the script exported (`export function DriverEntry ...`). */
  exports: Record<string, unknown>
}

export class ScriptLoadError extends Error {
  override readonly name = 'ScriptLoadError'
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message)
  }
}

/** Names a script may not shadow: the wrapper's own parameters. */
const RESERVED = new Set([SITE_CELL, 'exports'])

/** The script's context, made before the run so the run can make what it hands the script in the script's realm. */
export interface ScriptSandbox {
  readonly context: vm.Context
  /** The context's own constructors (core/kernel/script-realm.ts). */
  readonly realm: ScriptRealm
}

export function createSandbox(file: string): ScriptSandbox {
  const context = vm.createContext(Object.create(null) as object, {
    name: file,
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate',
  })
  const realm = vm.runInContext('({ Array, Uint8Array, Int32Array })', context) as ScriptRealm
  return { context, realm }
}

/** The cell `shared` points at, as an Int32Array of the script's realm (the same memory). */
export function cellInRealm(sandbox: ScriptSandbox, shared: Int32Array): Int32Array {
  return new sandbox.realm.Int32Array(shared.buffer, shared.byteOffset, shared.length)
}

export function loadScript(
  script: Pick<TranspiledScript, 'file' | 'code'>,
  bindings: Readonly<Record<string, unknown>>,
  siteCell: Int32Array,
  sandbox: ScriptSandbox = createSandbox(script.file),
): LoadedScript {
  const names = Object.keys(bindings).filter((n) => !RESERVED.has(n))
  lockHandedValues(bindings)
  const context = sandbox.context
  const body = script.code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n')
  const compiled = vm.compileFunction(body, [SITE_CELL, 'exports', ...names], {
    parsingContext: context,
    filename: script.file,
  })
  const exports: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  const args: unknown[] = [siteCell, exports]
  for (const name of names) args.push(bindings[name])
  // The top-level code is a watched phase: the host's one watchdog stops it when it does not finish (engine-process.ts).
  try {
    compiled(...args)
  } catch (error) {
    throw new ScriptLoadError('the script threw while loading', error)
  }
  return { exports }
}
