// The datasheet's register map and cause table (docs/controller.md §3, §5.1) say what the code does.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ICR_DMAE, ICR_LSC, ICR_RXDMT0, ICR_RXO, ICR_RXT0, ICR_TXDW, REGISTERS } from '../../../core/controller'

const datasheet = readFileSync(fileURLToPath(new URL('../../../docs/controller.md', import.meta.url)), 'utf8')

function tableRows(after: string): string[][] {
  const start = datasheet.indexOf(after)
  expect(start).toBeGreaterThanOrEqual(0)
  const rows: string[][] = []
  for (const line of datasheet.slice(start).split('\n').slice(1)) {
    if (line.trim() === '' && rows.length > 0) break
    if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim().replace(/`/g, '')),
    )
  }
  return rows.slice(1)
}

describe('datasheet agrees with the register table (controller.md §3)', () => {
  it('lists every register with its offset, access, reset value, write mask and section', () => {
    const rows = tableRows('### Register map')
    expect(rows.map((r) => r[1])).toEqual(REGISTERS.map((r) => r.name))
    for (const [offset, name, access, reset, mask, , section] of rows) {
      const spec = REGISTERS.find((r) => r.name === name)!
      expect(Number(offset), name).toBe(spec.offset)
      expect(access, name).toBe(spec.access)
      expect(section, name).toBe(spec.section)
      if (reset.startsWith('0x')) expect(Number(reset), name).toBe(spec.reset)
      if (mask.startsWith('0x')) expect(Number(mask), name).toBe(spec.writeMask)
      else expect(['RO', 'RC']).toContain(spec.access)
    }
  })

  it('gives every interrupt cause at its bit', () => {
    const rows = tableRows('### 5.1 Causes')
    const bits = Object.fromEntries(rows.map((r) => [r[1], 1 << Number(r[0])]))
    expect(bits).toEqual({
      TXDW: ICR_TXDW,
      LSC: ICR_LSC,
      RXDMT0: ICR_RXDMT0,
      RXO: ICR_RXO,
      RXT0: ICR_RXT0,
      DMAE: ICR_DMAE,
    })
  })
})
