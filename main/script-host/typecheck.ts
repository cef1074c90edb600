// `nicbench check` and the check before every run: the script type-checked against sdk/ndis.d.ts with the strict
// options a driver author expects, reported as file:line:column diagnostics.
import { dirname } from 'node:path'
import ts from 'typescript'
import { diagnosticOf, type ScriptDiagnostic } from './transpile'
import { sdkPath, sdkText } from './sdk'

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: [],
  strict: true,
  noEmit: true,
  noFallthroughCasesInSwitch: true,
  allowJs: true,
  checkJs: false,
  skipLibCheck: true,
}

/** Diagnostics that are advice, not errors (`nicbench check` prints them; a run goes ahead). */
const LINT_CODES = new Set([
  6133, // 'x' is declared but its value is never read
  6196, // 'X' is declared but never used
  6198, // all destructured elements are unused
  6199, // all variables are unused
  7027, // unreachable code detected
  7030, // not all code paths return a value
])

export interface CheckedDiagnostic extends ScriptDiagnostic {
  severity: 'error' | 'warning'
}

/** Type errors, plus (with `lint`) warnings for unused locals, unreachable code and missing returns. */
export function checkScript(file: string, text: string, lint: boolean): CheckedDiagnostic[] {
  const options: ts.CompilerOptions = lint
    ? { ...OPTIONS, noUnusedLocals: true, noImplicitReturns: true, allowUnreachableCode: false }
    : OPTIONS
  return diagnosticsOf(file, text, options).map(({ diagnostic, code }) => ({
    ...diagnostic,
    severity: LINT_CODES.has(code) ? 'warning' : 'error',
  }))
}

export function typeCheckScript(file: string, text: string): ScriptDiagnostic[] {
  return diagnosticsOf(file, text, OPTIONS).map(({ diagnostic }) => diagnostic)
}

const slashes = (path: string): string => path.replace(/\\/g, '/')

/**
 * A compiler host that reads nothing but the script (from memory), the SDK and TypeScript's own lib files: a script
 * that names another file (`import('/etc/passwd')` as a type, `/// <reference path>`) gets "cannot find", never the
 * file's types or text in a diagnostic, and no answer to whether it exists. A script never needs another file.
 */
function confinedHost(options: ts.CompilerOptions, file: string, text: string): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true)
  const sdk = slashes(sdkPath())
  const script = slashes(file)
  const libDir = slashes(dirname(ts.getDefaultLibFilePath(options)))
  const isLib = (name: string) =>
    dirname(name) === libDir && /^lib\.[a-z0-9.]+\.d\.ts$/i.test(name.slice(libDir.length + 1))
  const textOf = (name: string): string | undefined => {
    const n = slashes(name)
    if (n === script) return text
    if (n === sdk) return sdkText()
    return isLib(n) ? ts.sys.readFile(n) : undefined
  }
  const readable = (name: string) => {
    const n = slashes(name)
    return n === script || n === sdk || (isLib(n) && ts.sys.fileExists(n))
  }
  const visibleDirs = new Set([dirname(script), dirname(sdk), libDir])
  host.readFile = textOf
  host.fileExists = readable
  host.getSourceFile = (name, languageVersion) => {
    const content = textOf(name)
    return content === undefined ? undefined : ts.createSourceFile(name, content, languageVersion, true)
  }
  host.directoryExists = (dir) => visibleDirs.has(slashes(dir).replace(/\/$/, ''))
  host.getDirectories = () => []
  host.realpath = (path) => path
  return host
}

function diagnosticsOf(
  file: string,
  text: string,
  options: ts.CompilerOptions,
): { diagnostic: ScriptDiagnostic; code: number }[] {
  const host = confinedHost(options, file, text)
  const program = ts.createProgram({ rootNames: [file, sdkPath()], options, host })
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => !d.file || d.file.fileName === file)
  return diagnostics
    .map((d) => ({ diagnostic: diagnosticOf(d, file), code: d.code }))
    .sort((a, b) => a.diagnostic.line - b.diagnostic.line || a.diagnostic.column - b.diagnostic.column)
}
