import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { describe, expect, it } from 'vitest'
import { RULES, ruleById } from '../../../core/verifier/catalogue'
import { renderRuleCatalogue } from '../../../core/verifier/markdown'
import { EMULATOR_CODE, emulatorSubcode, isWindowsForm, RULE_CLASSES, ruleNumber } from '../../../core/verifier/rule'

describe('rule catalogue (ndis5.md §4; cli.md rule ids)', () => {
  it('has stable ids R1..R59, R63..R68 and R73..R82 (the datasheet rules), in order and unique; R29 does not apply', () => {
    const ids = RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    RULES.forEach((r, i) => i > 0 && expect(ruleNumber(r.id)).toBeGreaterThan(ruleNumber(RULES[i - 1]!.id)))
    const expected = [
      ...Array.from({ length: 59 }, (_, i) => 'R' + (i + 1)).filter((id) => id !== 'R29'),
      // C structures, lists and the kernel runtime (docs/structures.md).
      ...['R63', 'R64', 'R65', 'R66', 'R67', 'R68'],
      // The 82540EM datasheet rules (docs/82540em.md).
      ...Array.from({ length: 10 }, (_, i) => 'R' + (73 + i)),
    ]
    expect(ids).toEqual(expected)
    expect(RULES.filter((r) => r.class === 'datasheet').map((r) => r.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => 'R' + (73 + i)),
    )
    expect(ruleById('R7')?.title).toContain('NdisFreePacketPool')
  })

  it('every rule has a class, a severity, forms with four parameter meanings, an explanation and a reference', () => {
    for (const r of RULES) {
      expect(RULE_CLASSES).toContain(r.class)
      expect(['error', 'warning']).toContain(r.severity)
      expect(r.forms.length).toBeGreaterThan(0)
      for (const f of r.forms) {
        expect(f.params).toHaveLength(4)
        if (f.p1 !== null) expect(Number(f.params[0].split(' ')[0])).toBe(f.p1)
        if (r.forms.length > 1) expect(f.when).not.toBe('')
      }
      expect(r.explanation.length).toBeGreaterThan(20)
      expect(r.reference).not.toBe('')
    }
  })

  it('emulator-defined rules use 0x7C with P1 = 0x1000 + rule number (ndis5.md §4 preamble)', () => {
    for (const r of RULES)
      for (const f of r.forms.filter((x) => !isWindowsForm(x))) {
        expect(f.code).toBe(EMULATOR_CODE)
        expect(f.p1).toBe(emulatorSubcode(r.id))
      }
  })

  it('Windows codes and subcodes are those ndis5.md §4 and the bug check pages give', () => {
    const forms = Object.fromEntries(
      RULES.filter((r) => isWindowsForm(r.forms[0]!)).map((r) => [r.id, r.forms.map((f) => [f.code, f.p1])]),
    )
    expect(forms).toEqual({
      R9: [
        [0xc4, 0x02],
        [0xc4, 0x12],
      ],
      R10: [
        [0xc4, 0x40],
        [0xc4, 0x41],
      ],
      R11: [[0xc4, 0x42]],
      R12: [[0xc4, 0x32]],
      R15: [
        [0x133, 0],
        [0x133, 0],
      ],
      R16: [
        [0xd1, null],
        [0x50, null],
      ],
      R17: [[0xc4, 0x00]],
      R18: [
        [0xc4, 0x10],
        [0xc4, 0x13],
      ],
      R20: [[0xc4, 0x60]],
      R21: [[0x7c, 0x05]],
      R24: [[0x7c, 0x08]],
      R25: [[0x7c, 0x0b]],
      R26: [
        [0x7c, 0x09],
        [0x7c, 0x0c],
      ],
      R27: [[0x7c, 0x0f]],
      R28: [[0x7c, 0x14]],
      R43: [[0x133, 1]],
      R47: [[0xd6, null]],
      R64: [[0x139, 3]],
    })
  })

  it('the rules Windows raises without Driver Verifier are marked, each with its source', () => {
    const without = RULES.filter((r) => r.withoutVerifier !== null)
    expect(without.map((r) => r.id)).toEqual([
      'R15',
      'R16',
      'R21',
      'R24',
      'R25',
      'R26',
      'R27',
      'R28',
      'R38',
      'R43',
      'R65',
    ])
    for (const r of without) if (r.id !== 'R38') expect(r.withoutVerifier).toMatch(/\[WDD:/)
  })

  it('every rule has its own test, which makes it fire (test/unit/verifier/rules/rNN.test.ts)', () => {
    for (const r of RULES) {
      const file = fileURLToPath(
        new URL(`./rules/r${String(ruleNumber(r.id)).padStart(2, '0')}.test.ts`, import.meta.url),
      )
      expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`RuleCase\\(\\s*${r.id},`))
    }
  })

  it('docs/verifier-rules.md is current (regenerate with npm run docs:rules)', async () => {
    const path = fileURLToPath(new URL('../../../docs/verifier-rules.md', import.meta.url))
    const options = (await resolveConfig(path)) ?? {}
    const expected = await format(renderRuleCatalogue(), { ...options, parser: 'markdown' })
    expect(readFileSync(path, 'utf8')).toBe(expected)
  })
})
