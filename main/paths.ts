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

/** A file the main build writes to out/main/, found from code the bundler may have put in out/main/chunks/. */
export function builtMainFile(name: string, from: string = __dirname): string {
  const candidates = [join(from, name), join(from, '..', name), join(productRoot(), 'out', 'main', name)]
  return candidates.find((path) => existsSync(path)) ?? candidates[0]!
}
