// Random hostile values as arguments to every name in a script's scope, in a real run (fast-check, seeded): each call
// returns, stops the run with a bug check, records a finding, or throws an error of the script's own realm, and the
// run then goes on, halts and reports. An exception of the host's realm is an escape: the workbench's bug.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../../core/engine/report-builder'
import { isHostError } from '../../core/engine/run'
import { newRun, REFERENCE } from './fuzz-run'
import { hostileValues } from './hostile-values'
import { fuzzSeed, OutcomeTable } from './outcomes'

const SEED = fuzzSeed()
const hostile = hostileValues()
const ordinary: unknown[] = [
  0,
  1,
  -1,
  NaN,
  2 ** 32,
  0x80000000,
  0x80001000,
  null,
  undefined,
  'x',
  true,
  {},
  [],
  { value: 1 },
]
const pool = [...Object.values(hostile), ...ordinary]
const names = [...Object.keys(hostile), ...ordinary.map((v) => describeOrdinary(v))]
// fast-check draws indices, not the values: it would inspect (and trip over) a revoked Proxy while shrinking.
const anyValue = fc.oneof(
  fc.nat(pool.length - 1),
  fc.integer().map((n) => -1 - Math.abs(n)),
)
const valueAt = (i: number): unknown => (i >= 0 ? pool[i] : -1 - i)

function describeOrdinary(v: unknown): string {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)
}

interface Escape {
  name: string
  args: string[]
  error: string
}

const isClass = (fn: unknown) => typeof fn === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(fn))
const describeValue = (i: number): string => (i >= 0 ? names[i]! : String(-1 - i))

describe('hostile arguments to the script scope', () => {
  it(
    `never raise a host exception (seed ${SEED})`,
    () => {
      const probe = newRun(REFERENCE, {}).run
      const callable = Object.keys(probe.scope)
        .filter((n) => typeof probe.scope[n] === 'function')
        .sort()
      const escapes: Escape[] = []
      // Per call: it returned (ran), stopped with a bug check or the script's own exception (finding/bug check), or let
      // a host exception out (escape).
      const table = new OutcomeTable()
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.constantFrom(...callable), fc.array(anyValue, { maxLength: 7 })), {
            minLength: 1,
            maxLength: 6,
          }),
          (calls) => {
            const { run, exports } = newRun(REFERENCE, { duration: '200us' })
            run.start(exports)
            for (const [name, indices] of calls) {
              const args = indices.map(valueAt)
              const fn = run.scope[name] as (...a: unknown[]) => unknown
              try {
                if (isClass(fn)) Reflect.construct(fn, args)
                else fn(...args)
                table.add('ran', name)
              } catch (error) {
                if (!isHostError(error)) table.add('finding/bug check', name)
                else {
                  table.add('escape', `${name}(${indices.map(describeValue).join(', ')})`)
                  escapes.push({
                    name,
                    args: indices.map(describeValue),
                    error: String((error as Error).stack)
                      .split('\n')
                      .slice(0, 4)
                      .join(' | ')
                      .replace(/\(\/[^)]*?\/(core|main|test)\//g, '($1/'),
                  })
                }
              }
            }
            try {
              run.runToEnd()
              run.shutDown()
              buildReport(run, null)
            } catch (error) {
              table.add('exit 3', 'the run after the calls')
              escapes.push({
                name: '(the run after the calls)',
                args: [],
                error: String((error as Error).stack)
                  .split('\n')
                  .slice(0, 4)
                  .join(' | ')
                  .replace(/\(\/[^)]*?\/(core|main|test)\//g, '($1/'),
              })
            }
          },
        ),
        { seed: SEED, numRuns: Number(process.env['NICBENCH_FUZZ_RUNS'] ?? 100) },
      )
      table.print('hostile arguments and call orders (fast-check), per call', SEED)
      // One line per place in the workbench that let a host exception out.
      const places = new Map<string, Escape>()
      for (const e of escapes) places.set(e.error.split(' | ').slice(0, 3).join(' | '), e)
      for (const [place, e] of places) console.log(`${e.name}(${e.args.join(', ')}): ${place}`)
      expect([...places.keys()]).toEqual([])
    },
    10 * 60_000,
  )
})
