import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

interface PackageJson {
  name?: string
  version?: string
}

let cachedRoot: string | undefined

/** The folder holding the product's package.json, found by walking up from the built file (out/main/…). */
export function productRoot(): string {
  if (cachedRoot) return cachedRoot
  let dir = __dirname
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(dir, 'package.json')
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as PackageJson).name === 'nic-workbench') {
          cachedRoot = dir
          return dir
        }
      } catch {
        // not ours; keep walking
      }
    }
    dir = dirname(dir)
  }
  cachedRoot = join(__dirname, '..', '..')
  return cachedRoot
}

/** The product version from package.json. */
export function productVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(productRoot(), 'package.json'), 'utf8')) as PackageJson).version ?? '0.0.0'
  } catch {
    return '0.0.0'
  }
}

/** Where the built UI lives. */
export function rendererDir(): string {
  return join(productRoot(), 'out', 'renderer')
}
