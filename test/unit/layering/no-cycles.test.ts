// No file of core/ reaches itself through its imports, type imports included: the layers lint keeps folders in order,
// this keeps the files inside a folder in order too (ARCHITECTURE.md, layers).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..', '..')

function coreFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return coreFiles(path)
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : []
  })
}

/** Import cycles among `files`, each as the list of files around it. */
export function importCycles(files: readonly string[]): string[][] {
  const graph = new Map<string, string[]>()
  for (const f of files) {
    const deps: string[] = []
    for (const m of readFileSync(f, 'utf8').matchAll(/^(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm))
      deps.push(resolve(dirname(f), m[1]!) + '.ts')
    graph.set(f, deps)
  }
  const cycles: string[][] = []
  const done = new Set<string>()
  const stack: string[] = []
  const visit = (n: string): void => {
    stack.push(n)
    for (const d of graph.get(n) ?? []) {
      if (!graph.has(d) || done.has(d)) continue
      const at = stack.indexOf(d)
      if (at >= 0) cycles.push([...stack.slice(at), d].map((x) => relative(ROOT, x)))
      else visit(d)
    }
    stack.pop()
    done.add(n)
  }
  for (const f of files) if (!done.has(f)) visit(f)
  return cycles
}

describe('imports inside core/', () => {
  it('form no cycle', () => {
    expect(importCycles(coreFiles(join(ROOT, 'core')))).toEqual([])
  })

  it('the check finds a cycle when there is one', () => {
    const a = join(ROOT, 'test', 'fixtures', 'lint', 'cycle-a.ts')
    const b = join(ROOT, 'test', 'fixtures', 'lint', 'cycle-b.ts')
    expect(importCycles([a, b])).toEqual([[relative(ROOT, a), relative(ROOT, b), relative(ROOT, a)]])
  })
})
