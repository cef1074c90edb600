// Issue "Installers": electron-builder cannot download Electron here, so no installer is produced; this test loads
// the configuration with electron-builder's own loader and validator and checks the targets, the file association,
// the icons, and that renderer-only libraries are not packed into app.asar.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..', '..')
const RENDERER_ONLY = ['vue', 'pinia', 'monaco-editor', '@vue/runtime-dom']

interface Lock {
  packages: Record<string, { dev?: boolean; devOptional?: boolean }>
}

function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? target : [target]
  return list.map((entry) => (typeof entry === 'string' ? entry : (entry as { target: string }).target))
}

describe('electron-builder configuration', async () => {
  const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null)

  it('is valid for electron-builder (whose validator refuses unknown options)', async () => {
    const noDebug = { isEnabled: false } as never
    await expect(validateConfiguration(config, noDebug)).resolves.toBeUndefined()
    await expect(
      validateConfiguration({ ...config, linux: { targets: 'AppImage' } } as never, noDebug),
    ).rejects.toThrow()
  })

  it('names the app and builds AppImage and deb, NSIS, dmg', () => {
    expect(config.appId).toBe('dev.nicworkbench.app')
    expect(config.productName).toBe('NIC Workbench')
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb'])
    expect(targetNames(config.win?.target)).toEqual(['nsis'])
    expect(targetNames(config.mac?.target)).toEqual(['dmg'])
  })

  it('associates .nicws workspaces with the app', () => {
    const associations = Array.isArray(config.fileAssociations) ? config.fileAssociations : [config.fileAssociations]
    expect(associations.map((association) => association?.ext)).toContain('nicws')
  })

  it('has its icons in build/', () => {
    for (const icon of [config.win?.icon, config.mac?.icon]) expect(existsSync(join(ROOT, String(icon)))).toBe(true)
    for (const size of [16, 32, 48, 64, 128, 256, 512])
      expect(existsSync(join(ROOT, String(config.linux?.icon), `${size}x${size}.png`))).toBe(true)
  })

  it('packs only the build output, not sources or the renderer libraries', () => {
    // electron-builder's loader normalises `files` to [{ filter: [...] }].
    const patterns = (config.files as Array<string | { filter?: string[] }>).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : (entry.filter ?? []),
    )
    expect(patterns.filter((pattern) => !pattern.startsWith('!')).sort()).toEqual(['out/**', 'package.json'])
    // electron-builder packs the production dependency tree: no renderer-only library may be in it.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
      devDependencies: Record<string, string>
    }
    for (const name of RENDERER_ONLY.slice(0, 3)) {
      expect(pkg.dependencies[name], name).toBeUndefined()
      expect(pkg.devDependencies[name], name).toBeDefined()
    }
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock
    const production = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
    for (const name of RENDERER_ONLY) expect(production, name).not.toContain(name)
    expect(production).toContain('zod')
  })
})
