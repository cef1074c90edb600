// Runs a transpiled miniport script in a node:vm context. The NDIS API is handed in as parameters of the compiled
// function — local bindings, not globals of the context (a global lookup costs ~85 ns; stack.md) — and the context has
// no require, process, timers, fs or network. A sandbox against accidents, not against hostile code: the script is
// the user's own driver, and it runs in a worker thread the host can terminate.
import { types } from 'node:util'
import vm from 'node:vm'
import { lockHandedValues } from './host-realm'
import { SITE_CELL, type TranspiledScript } from './transpile'

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

/** Wall-clock budget of the script's top-level code (it declares things; it does not run the driver). */
export const LOAD_BUDGET_MS = 3000

export function loadScript(
  script: TranspiledScript,
  bindings: Readonly<Record<string, unknown>>,
  siteCell: Int32Array,
  loadBudgetMs = LOAD_BUDGET_MS,
): LoadedScript {
  const names = Object.keys(bindings).filter((n) => !RESERVED.has(n))
  lockHandedValues(bindings)
  const context = vm.createContext(Object.create(null) as object, {
    name: script.file,
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate',
  })
  const body = script.code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n')
  const compiled = vm.compileFunction(body, [SITE_CELL, 'exports', ...names], {
    parsingContext: context,
    filename: script.file,
  })
  const exports: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  const args: unknown[] = [siteCell, exports]
  for (const name of names) args.push(bindings[name])
  // The top-level code runs inside the context with a time limit (microtasks it queues included): no handler is
  // running yet, so the host's watchdog is not watching.
  const loader = '__nicbenchLoad'
  ;(context as Record<string, unknown>)[loader] = () => compiled(...args)
  try {
    new vm.Script(`${loader}()`, { filename: `${script.file} (loading)` }).runInContext(context, {
      timeout: loadBudgetMs,
    })
  } catch (error) {
    // Node makes the timeout's error in the context's realm; its code tells it from anything the script threw.
    if (!types.isProxy(error) && (error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new ScriptLoadError(
        'the script did not finish loading',
        new Error(`the script's top-level code ran for over ${loadBudgetMs} ms without finishing`),
      )
    }
    throw new ScriptLoadError('the script threw while loading', error)
  } finally {
    delete (context as Record<string, unknown>)[loader]
  }
  return { exports }
}
