import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { describe, expect, it } from 'vitest'
import { RULES, ruleById } from '../../../core/verifier/catalogue'
import { renderRuleCatalogue } from '../../../core/verifier/markdown'
import { EMULATOR_CODE, emulatorSubcode, ruleNumber } from '../../../core/verifier/rule'

describe('rule catalogue (ndis5.md §4; cli.md rule ids)', () => {
  it('has stable ids R1..R34 from the reference, then the workbench rules from R35, in order and unique', () => {
    const ids = RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    RULES.forEach((r, i) => i > 0 && expect(ruleNumber(r.id)).toBeGreaterThan(ruleNumber(RULES[i - 1].id)))
    expect(ids.slice(0, 40)).toEqual(Array.from({ length: 40 }, (_, i) => 'R' + (i + 1)))
    expect(ruleById('R7')?.title).toContain('NdisFreePacketPool')
  })

  it('every rule has a severity, a code, four parameter meanings, an explanation and a reference', () => {
    for (const r of RULES) {
      expect(['error', 'warning']).toContain(r.severity)
      expect(r.params).toHaveLength(4)
      expect(r.explanation.length).toBeGreaterThan(20)
      expect(r.reference).not.toBe('')
    }
  })

  it('emulator-defined rules use 0x7C with P1 = 0x1000 + rule number (ndis5.md §4 preamble)', () => {
    for (const r of RULES.filter((x) => !x.windowsCode)) {
      expect(r.code).toBe(EMULATOR_CODE)
      expect(Number(r.params[0])).toBe(emulatorSubcode(r.id))
    }
  })

  it('Windows codes are those ndis5.md §4 gives (0xC4, 0xD1, 0x7C, 0x133)', () => {
    const codes = Object.fromEntries(RULES.filter((r) => r.windowsCode).map((r) => [r.id, r.code]))
    expect(codes).toMatchObject({
      R9: 0xc4,
      R10: 0xc4,
      R11: 0xc4,
      R12: 0xc4,
      R15: 0x133,
      R16: 0xd1,
      R17: 0xc4,
      R18: 0xc4,
      R20: 0xc4,
      R21: 0x7c,
      R24: 0x7c,
    })
  })

  it('docs/verifier-rules.md is current (regenerate with npm run docs:rules)', async () => {
    const path = fileURLToPath(new URL('../../../docs/verifier-rules.md', import.meta.url))
    const options = (await resolveConfig(path)) ?? {}
    const expected = await format(renderRuleCatalogue(), { ...options, parser: 'markdown' })
    expect(readFileSync(path, 'utf8')).toBe(expected)
  })
})
