// How a run stopped is decided in one place, for the CLI's report and the UI's statistics alike.
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { runFailed, siteLocation, stopForLoss, stopForThrown } from '../../../core/engine/stop-cause'
import { BugCheck } from '../../../core/verifier/bugcheck'
import { WATCHED_HANDLERS } from '../../../core/miniport/handler-watch'

const at = { file: 'driver.ts', line: 12, column: 3 }

describe('stopForThrown', () => {
  it('tells a bug check, the script’s own exception and an error of the workbench apart', () => {
    const bugCheck = new BugCheck(0xc4, [0, 0, 0, 0], 'released twice', 1, 'R12')
    expect(stopForThrown(bugCheck)).toMatchObject({ reason: 'bugcheck', bugCheck })
    // Thrown by the script's own code: an Error of the sandbox's realm, or any other value.
    const scriptError = vm.runInNewContext('new RangeError("too many")') as unknown
    expect(stopForThrown(scriptError)).toMatchObject({ reason: 'exception', error: scriptError })
    expect(stopForThrown('a string')).toMatchObject({ reason: 'exception' })
    // The engine's own realm: a fault of the workbench, the same whether the script was loading or running.
    const hostError = new TypeError('cannot read properties of undefined')
    expect(stopForThrown(hostError)).toMatchObject({ reason: 'internal-error', error: hostError })
  })
})

describe('stopForLoss', () => {
  it('names the handler the watchdog stopped, or the top-level code', () => {
    const initialize = WATCHED_HANDLERS.indexOf('MiniportInitialize')
    const stop = stopForLoss({ kind: 'watchdog', handler: initialize, budgetMs: 3000, ranMs: 3050 }, at)
    expect(stop.stopReason).toBe('watchdog')
    expect(stop.bugcheck).toMatchObject({ rule: 'R15', code: '0x133', name: 'DPC_WATCHDOG_VIOLATION', at })
    expect(stop.bugcheck!.message).toBe('MiniportInitialize did not return: stopped after 3000 ms of wall-clock time')
    // R15's watchdog form (docs/verifier-rules.md): P1 0, P2 the time it ran, P3 the allotment, in ms.
    expect(stop.bugcheck!.params).toEqual(['0x00000000', '0x00000BEA', '0x00000BB8', '0x00000000'])
    const topLevel = WATCHED_HANDLERS.indexOf("the script's top-level code")
    expect(stopForLoss({ kind: 'watchdog', handler: topLevel, budgetMs: 500, ranMs: 520 }, at).bugcheck!.message).toBe(
      "the script's top-level code did not finish: stopped after 500 ms of wall-clock time",
    )
  })

  it('reports out of memory and a lost engine as errors at the last line', () => {
    expect(stopForLoss({ kind: 'out-of-memory' }, at)).toMatchObject({
      stopReason: 'out-of-memory',
      bugcheck: null,
      error: { message: "the script exhausted the engine's memory limit", at },
    })
    expect(stopForLoss({ kind: 'engine-lost', detail: 'signal SIGKILL' }, at).error!.message).toBe(
      'the engine process ended without a report (signal SIGKILL)',
    )
  })
})

describe('siteLocation and runFailed', () => {
  it('validates the call-site id the script may have written anything into', () => {
    const sites = [{ line: 4, column: 2 }]
    expect(siteLocation('d.ts', sites, 1)).toEqual({ file: 'd.ts', line: 4, column: 2 })
    for (const bad of [0, -1, 2, 1.5, NaN])
      expect(siteLocation('d.ts', sites, bad)).toEqual({ file: 'd.ts', line: 0, column: 0 })
  })

  it('fails every stop from outside and every internal error', () => {
    const clean = { bugcheck: null, error: null, findings: [] }
    expect(runFailed({ ...clean, stopReason: 'duration' })).toBe(false)
    for (const stopReason of ['watchdog', 'out-of-memory', 'engine-lost', 'internal-error', 'init-failed'] as const)
      expect(runFailed({ ...clean, stopReason })).toBe(true)
  })
})
