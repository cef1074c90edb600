// The documents a user reads say what the product does: docs/cli.md names every command and option the real CLI
// offers and every field of a real report; docs/script-api.md names every function sdk/ndis.d.ts declares; and every
// relative link in README.md and docs/ leads to a file of the repository (nothing outside it).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { ROOT } from '../support/serve'

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')
const cliDoc = read('docs/cli.md')
const apiDoc = read('docs/script-api.md')

/** The long options a command's --help lists (commander's own --help aside). */
function optionsOf(command: string[]): string[] {
  const help = runCli([...command, '--help'])
  expect(help.status, help.stderr).toBe(0)
  const section = help.stdout.slice(help.stdout.indexOf('Options:'))
  return [...new Set([...section.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!))].filter(
    (o) => o !== '--help',
  )
}

describe('docs/cli.md covers the CLI as it is', () => {
  it('every command of nicbench --help', () => {
    const help = runCli(['--help']).stdout
    const section = help.slice(help.indexOf('Commands:'), help.indexOf('\n\n', help.indexOf('Commands:')))
    const commands = [...section.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!).filter((c) => c !== 'help')
    expect(commands).toEqual(['run', 'check', 'test', 'advise', 'merge', 'diff', 'rules', 'serve'])
    for (const c of commands) expect(cliDoc, c).toContain(`nicbench ${c}`)
  })

  it.each(['run', 'check', 'test', 'advise', 'merge', 'diff', 'rules', 'serve', ''])(
    'every option of `nicbench %s`',
    (name) => {
      const command = name === '' ? [] : [name]
      const options = optionsOf(command)
      if (command[0] === 'run') expect(options.length).toBeGreaterThan(12)
      for (const o of options) expect(cliDoc, `${command.join(' ')} ${o}`).toMatch(new RegExp('[` ]' + o + '[ `]'))
    },
  )

  it('every field of a real report, and every stop reason', () => {
    const run = runCli(['run', join(ROOT, 'examples', 'reference-miniport.ts'), '--duration', '1ms', '--report', '-'])
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout) as Record<string, unknown>
    const nested = (key: string) => {
      const v = report[key]
      return Object.keys((Array.isArray(v) ? v[0] : v) as object)
    }
    const fields = [
      ...Object.keys(report),
      ...['script', 'scenario', 'eventTrace', 'pools', 'nic', 'protocol', 'wallClock'].flatMap(nested),
    ]
    for (const f of fields) expect(cliDoc, f).toContain('`' + f + '`')
    const reasons = /export type StopReason =([^]*?)\n\n/.exec(read('core/report/report.ts'))![1]!
    for (const [, r] of reasons.matchAll(/'([a-z-]+)'/g)) expect(cliDoc, r).toContain('`' + r + '`')
  })
})

describe('docs/script-api.md covers sdk/ndis.d.ts', () => {
  it('names every declared function', () => {
    const functions = [...read('sdk/ndis.d.ts').matchAll(/^declare function (\w+)/gm)].map((m) => m[1]!)
    expect(functions.length).toBeGreaterThan(100)
    const missing = functions.filter((f) => !new RegExp(`\\b${f}\\b`).test(apiDoc))
    expect(missing).toEqual([])
  })
})

describe('links in README.md and docs/ stay inside the repository', () => {
  const docs = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ]

  it.each(docs)('%s', (doc) => {
    const text = read(doc)
    const links = [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^\w+:/.test(l))
    for (const link of links) {
      const target = resolve(dirname(join(ROOT, doc)), link)
      expect(relative(ROOT, target).startsWith('..'), `${doc}: ${link} leaves the repository`).toBe(false)
      expect(existsSync(target), `${doc}: ${link} does not exist`).toBe(true)
    }
  })

  // Written by hand (verifier-rules.md is generated from the rule catalogue in core/verifier).
  it.each(['README.md', 'docs/cli.md', 'docs/script-api.md', 'docs/scenario.md', 'docs/controller.md'])(
    '%s sends no reader to a folder beside the repository',
    (doc) => expect(read(doc)).not.toMatch(/\.\.\/shared\//),
  )
})
