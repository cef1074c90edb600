// `nicbench check` and the check before every run: the script type-checked against sdk/ndis.d.ts with the strict
// options a driver author expects, reported as file:line:column diagnostics.
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

function diagnosticsOf(
  file: string,
  text: string,
  options: ts.CompilerOptions,
): { diagnostic: ScriptDiagnostic; code: number }[] {
  const host = ts.createCompilerHost(options, true)
  const sdk = sdkPath()
  const readFile = host.readFile.bind(host)
  const getSourceFile = host.getSourceFile.bind(host)
  host.readFile = (name) => (name === file ? text : name === sdk ? sdkText() : readFile(name))
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    if (name === file) return ts.createSourceFile(name, text, languageVersion, true)
    if (name === sdk) return ts.createSourceFile(name, sdkText(), languageVersion, true)
    return getSourceFile(name, languageVersion, onError, shouldCreate)
  }
  host.fileExists = (
    (exists) => (name: string) =>
      name === file || name === sdk || exists(name)
  )(host.fileExists.bind(host))
  const program = ts.createProgram({ rootNames: [file, sdk], options, host })
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => !d.file || d.file.fileName === file)
  return diagnostics
    .map((d) => ({ diagnostic: diagnosticOf(d, file), code: d.code }))
    .sort((a, b) => a.diagnostic.line - b.diagnostic.line || a.diagnostic.column - b.diagnostic.column)
}
