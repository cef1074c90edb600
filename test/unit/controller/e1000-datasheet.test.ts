// docs/82540em.md, the notes a driver author reads, says what the model does: every register the model implements
// is named there (the statistics by their range), and its table of datasheet checks is the catalogue's.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { E1000_REGISTERS } from '../../../core/controller/e1000-registers'
import { RULES } from '../../../core/verifier/catalogue'

const notes = readFileSync(fileURLToPath(new URL('../../../docs/82540em.md', import.meta.url)), 'utf8')

describe('docs/82540em.md agrees with the model', () => {
  it('names every register outside the statistics and the tables, and the statistics range', () => {
    const named = E1000_REGISTERS.filter((r) => r.section !== '13.7' && !r.name.includes('['))
    for (const r of named) expect(notes, r.name).toMatch(new RegExp(`\\b${r.name}\\b`))
    const stats = E1000_REGISTERS.filter((r) => r.section === '13.7')
    const flat = notes.replace(/\s+/g, ' ')
    const at = (offset: number) => `0x${offset.toString(16).toUpperCase().padStart(4, '0')}`
    expect(flat).toContain(`${stats[0]!.name} (${at(stats[0]!.offset)})`)
    expect(flat).toContain(`${stats.at(-1)!.name} (${at(stats.at(-1)!.offset)})`)
    for (const table of ['MTA', 'RAL/RAH', 'VFTA']) expect(notes).toContain(table)
  })

  it('lists exactly the datasheet rules of the catalogue', () => {
    const start = notes.indexOf('## Datasheet checks')
    const rows = notes
      .slice(start)
      .split('\n')
      .filter((l) => /^\| R\d+/.test(l))
      .map((l) => l.split('|')[1]!.trim())
    expect(rows).toEqual(RULES.filter((r) => r.class === 'datasheet').map((r) => r.id))
  })
})
