// The layering rules of ARCHITECTURE.md are lint errors: each fixture is linted with the project's real ESLint
// configuration as if it stood in the named folder, and a violation must fail the lint.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { spawnSync } from 'node:child_process'

const ROOT = join(__dirname, '..', '..', '..')
const eslint = new ESLint({ cwd: ROOT })

async function lintAs(fixture: string, pretendPath: string): Promise<string[]> {
  const code = readFileSync(join(ROOT, 'test', 'fixtures', 'lint', fixture), 'utf8')
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, pretendPath) })
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`)
}

describe('layering rules (ARCHITECTURE.md)', () => {
  it.each([
    ['core-imports-node.ts', 'no-restricted-imports', /no node:\* imports/],
    ['core-imports-electron.ts', 'no-restricted-imports', /no electron/],
    ['core-imports-vue.ts', 'no-restricted-imports', /no UI libraries/],
    ['core-imports-main.ts', 'no-restricted-imports', /imports nothing outside core/],
    ['core-wall-clock.ts', 'no-restricted-syntax', /not Date\.now\(\)/],
    ['core-performance-now.ts', 'no-restricted-syntax', /not performance\.now\(\)/],
    ['core-math-random.ts', 'no-restricted-syntax', /not Math\.random\(\)/],
    ['core-dom.ts', 'no-restricted-globals', /no DOM/],
  ])('%s in core/ fails the lint', async (fixture, rule, message) => {
    const errors = await lintAs(fixture, `core/layering-fixture/${fixture}`)
    expect(errors.some((e) => e.startsWith(`${rule}:`) && message.test(e))).toBe(true)
  })

  it('a lower layer of core/ importing a higher one fails the lint (kernel → ndis)', async () => {
    const errors = await lintAs('core-imports-upwards.ts', 'core/kernel/layering-fixture.ts')
    expect(errors.some((e) => /core\/kernel may not import core\/ndis/.test(e))).toBe(true)
  })

  it('a sibling of the same layer fails the lint too (controller → ndis), and the import is fine from above', async () => {
    const errors = await lintAs('core-imports-upwards.ts', 'core/controller/layering-fixture.ts')
    expect(errors.some((e) => /core\/controller may not import core\/ndis/.test(e))).toBe(true)
    await expect(lintAs('core-imports-upwards.ts', 'core/miniport/layering-fixture.ts')).resolves.toEqual([])
  })

  it('the renderer importing main/ fails the lint', async () => {
    const errors = await lintAs('renderer-imports-main.ts', 'renderer/src/layering-fixture.ts')
    expect(errors.some((e) => e.startsWith('no-restricted-imports:') && /never imports main/.test(e))).toBe(true)
  })

  it('the same main/ import is allowed outside core/ and renderer/', async () => {
    await expect(lintAs('core-imports-node.ts', 'main/layering-fixture.ts')).resolves.toEqual([])
  })

  it('core code that stays inside core/ lints clean', async () => {
    await expect(lintAs('core-clean.ts', 'core/layering-fixture.ts')).resolves.toEqual([])
  })

  it('the eslint command (as npm run lint runs it) exits non-zero on a violation in core/', () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', 'core/violation.ts'],
      { cwd: ROOT, input: "import { app } from 'electron'\nexport const n = app\n", encoding: 'utf8' },
    )
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('core/ is pure: no electron')
  })
})
