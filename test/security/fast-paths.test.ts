// Closing the engine's realm must not cost the engine its speed: V8 keeps a fast path for array species, typed
// array species, iterators, promises and regular expressions only while nothing has redefined the properties it
// watches (its "protectors", process-wide and one-way). Locking them once halved the receive path. This runs the
// real hardenHostRealm in a fresh V8 that can report its protectors (--allow-natives-syntax) and asks each one.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/serve'

const PROTECTORS = [
  'ArraySpeciesProtector',
  'TypedArraySpeciesProtector',
  'PromiseSpeciesProtector',
  'RegExpSpeciesProtector',
  'ArrayIteratorProtector',
  'MapIteratorProtector',
  'SetIteratorProtector',
  'StringIteratorProtector',
  'IsConcatSpreadableProtector',
]

// Objects whose properties the engine reads on its hot paths: in dictionary mode V8 can no longer inline what it
// loads from them (Math.imul, the typed array methods), and the receive path runs three times slower.
const FAST = JSON.stringify({
  Math: 'Math',
  JSON: 'JSON',
  Reflect: 'Reflect',
  Object: 'Object',
  Array: 'Array',
  'Array.prototype': 'Array.prototype',
  Number: 'Number',
  'String.prototype': 'String.prototype',
  'Object.prototype': 'Object.prototype',
  'Function.prototype': 'Function.prototype',
  'Uint8Array.prototype': 'Uint8Array.prototype',
  'TypedArray.prototype': 'Object.getPrototypeOf(Uint8Array.prototype)',
  Promise: 'Promise',
  'Map.prototype': 'Map.prototype',
})

describe("the engine's closed realm keeps V8's fast paths", () => {
  it('leaves every protector intact and the hot intrinsics in fast mode, and still refuses changes to what a script can reach', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nicbench-protectors-'))
    const realm = join(dir, 'host-realm.cjs')
    buildSync({
      entryPoints: [join(ROOT, 'main', 'script-host', 'host-realm.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: realm,
      logLevel: 'silent',
    })
    const probe = join(dir, 'probe.cjs')
    writeFileSync(
      probe,
      `'use strict'
const { hardenHostRealm } = require(${JSON.stringify(realm)})
hardenHostRealm()
const out = {}
for (const name of ${JSON.stringify(PROTECTORS)}) out[name] = new Function('return %' + name + '()')()
const fast = new Function('o', 'return %HasFastProperties(o)')
out.dictionaries = Object.entries(${FAST}).filter(([, get]) => !fast(new Function('return ' + get)())).map(([name]) => name)
const tries = {
  'Object.prototype.toJSON': () => { Object.prototype.toJSON = () => 1 },
  'Function.prototype.call': () => { Function.prototype.call = () => 1 },
  'Array.prototype.push': () => { Array.prototype.push = () => 1 },
  'Uint8Array.prototype.set': () => { Uint8Array.prototype.set = () => 1 },
  'Function constructor': () => { if ((() => {}).constructor === Function) throw new Error('reachable') ; throw new TypeError('gone') },
}
out.refused = {}
for (const [name, t] of Object.entries(tries)) { try { t(); out.refused[name] = false } catch (e) { out.refused[name] = e instanceof TypeError } }
process.stdout.write(JSON.stringify(out))`,
    )
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', probe], { encoding: 'utf8' })
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout) as Record<string, unknown>
    expect(Object.fromEntries(PROTECTORS.map((p) => [p, out[p]]))).toEqual(
      Object.fromEntries(PROTECTORS.map((p) => [p, true])),
    )
    expect(out.dictionaries, 'intrinsics left in dictionary mode').toEqual([])
    expect(out.refused).toEqual({
      'Object.prototype.toJSON': true,
      'Function.prototype.call': true,
      'Array.prototype.push': true,
      'Uint8Array.prototype.set': true,
      'Function constructor': true,
    })
  })
})
