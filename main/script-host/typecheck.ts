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

export function typeCheckScript(file: string, text: string): ScriptDiagnostic[] {
  const host = ts.createCompilerHost(OPTIONS, true)
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
  const program = ts.createProgram({ rootNames: [file, sdk], options: OPTIONS, host })
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => !d.file || d.file.fileName === file)
  return diagnostics.map((d) => diagnosticOf(d, file)).sort((a, b) => a.line - b.line || a.column - b.column)
}
