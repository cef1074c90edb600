// The SDK a script is written against: sdk/ndis.d.ts, read once. Its declared names are the script's scope (the
// run provides exactly these) and the names the transpiler marks with call sites.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { productRoot } from '../paths'

export function sdkPath(): string {
  return join(productRoot(), 'sdk', 'ndis.d.ts')
}

let cachedText: string | undefined
let cachedNames: { functions: string[]; values: string[] } | undefined

export function sdkText(): string {
  cachedText ??= readFileSync(sdkPath(), 'utf8')
  return cachedText
}

/** Names the SDK declares as values: functions, classes and constants. */
export function declaredNames(text = sdkText()): { functions: string[]; values: string[] } {
  if (text === cachedText && cachedNames) return cachedNames
  const source = ts.createSourceFile('ndis.d.ts', text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS)
  const functions: string[] = []
  const values: string[] = []
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      functions.push(statement.name.text)
      values.push(statement.name.text)
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      values.push(statement.name.text)
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) values.push(d.name.text)
    }
  }
  const names = { functions, values }
  if (text === cachedText) cachedNames = names
  return names
}
