// Issue "Electron application", security: `npm run audit:electron` fails on a HIGH or MEDIUM electronegativity
// finding that the allow-list does not justify. The real scanner runs on a small tree with an insecure window.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'audit-electron.mjs')
const tree = mkdtempSync(join(tmpdir(), 'nicwb-audit-test-'))
afterAll(() => rmSync(tree, { recursive: true, force: true }))

describe('audit:electron gate', () => {
  it('fails on unjustified findings: no navigation limits, no permission handler, no CSP', () => {
    for (const folder of ['main', 'preload', 'renderer']) mkdirSync(join(tree, folder))
    writeFileSync(
      join(tree, 'main', 'index.ts'),
      "import { BrowserWindow } from 'electron'\n" +
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } })\n',
    )
    writeFileSync(join(tree, 'preload', 'index.ts'), 'export {}\n')
    writeFileSync(join(tree, 'renderer', 'index.html'), '<!doctype html><title>x</title>\n')
    const result = spawnSync(process.execPath, [SCRIPT, '--root', tree], { encoding: 'utf8', timeout: 120_000 })
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/FAIL\s+HIGH\s+LIMIT_NAVIGATION_GLOBAL_CHECK/)
    expect(result.stdout).toMatch(/FAIL\s+MEDIUM\s+PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK/)
    expect(result.stdout).toMatch(/FAIL\s+MEDIUM\s+CSP_GLOBAL_CHECK/)
    expect(result.stderr).toContain('without a reason')
  })
})
