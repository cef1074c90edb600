// Turns a miniport script (.ts or .js) into JavaScript for the sandbox, with a source map, and injects call-site ids:
// every call of an API name gets a last argument `void (SITE[0] = id)` — evaluated after the real arguments (which may
// call other functions) and just before the call — and every function body and loop body starts with
// `SITE[0] = id`, so findings, leak reports and a watchdog stop name the script line for one typed-array store.
import ts from 'typescript'

import { SITE_CELL } from './site-cell'

export { SITE_CELL }

export interface ScriptSite {
  line: number
  column: number
}

export interface ScriptDiagnostic {
  file: string
  line: number
  column: number
  message: string
}

export interface TranspiledScript {
  file: string
  code: string
  /** Source map (v3) of `code` back to the script. */
  map: string
  /** Site id n (1-based) is `sites[n - 1]`: a line and column in the script as written. */
  sites: ScriptSite[]
  diagnostics: ScriptDiagnostic[]
}

function position(source: ts.SourceFile, pos: number): ScriptSite {
  const { line, character } = source.getLineAndCharacterOfPosition(pos)
  return { line: line + 1, column: character + 1 }
}

export function diagnosticOf(d: ts.Diagnostic, fallbackFile: string): ScriptDiagnostic {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n')
  if (d.file && d.start !== undefined) {
    const { line, column } = position(d.file, d.start)
    return { file: d.file.fileName, line, column, message }
  }
  return { file: fallbackFile, line: 1, column: 1, message }
}

/** Import declarations have nothing to import in the sandbox: say so where they stand. */
function importDiagnostics(source: ts.SourceFile, file: string): ScriptDiagnostic[] {
  const found: ScriptDiagnostic[] = []
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) {
      const { line, column } = position(source, statement.getStart(source))
      found.push({
        file,
        line,
        column,
        message: 'a miniport script cannot import modules: every NDIS name is already in scope',
      })
    }
  }
  return found
}

function siteInjector(
  apiNames: ReadonlySet<string>,
  source: ts.SourceFile,
  sites: ScriptSite[],
): ts.TransformerFactory<ts.SourceFile> {
  const ids = new Map<string, number>()
  const siteId = (pos: number): number => {
    const where = position(source, pos)
    const key = where.line + ':' + where.column
    let id = ids.get(key)
    if (id === undefined) {
      sites.push(where)
      id = sites.length
      ids.set(key, id)
    }
    return id
  }
  return (context) => {
    const f = context.factory
    const store = (id: number) =>
      f.createAssignment(
        f.createElementAccessExpression(f.createIdentifier(SITE_CELL), f.createNumericLiteral(0)),
        f.createNumericLiteral(id),
      )
    const markBody = (body: ts.Statement, at: number): ts.Statement => {
      const mark = f.createExpressionStatement(store(siteId(at)))
      return ts.isBlock(body) ? f.updateBlock(body, [mark, ...body.statements]) : f.createBlock([mark, body], true)
    }
    // A statement that reads or writes a field of a C structure view (docs/structures.md) marks its line first, so
    // a field access outside live memory is reported there. Out cells (`.value`), `.length` and `.$va` are not fields.
    const marksFields = (statement: ts.Statement): boolean =>
      (ts.isExpressionStatement(statement) ||
        ts.isVariableStatement(statement) ||
        ts.isReturnStatement(statement) ||
        ts.isIfStatement(statement) ||
        ts.isThrowStatement(statement)) &&
      readsField(ts.isIfStatement(statement) ? statement.expression : statement)
    const markStatements = (statements: readonly ts.Statement[], original: readonly ts.Statement[]): ts.Statement[] => {
      const out: ts.Statement[] = []
      statements.forEach((st, i) => {
        const o = original[i]
        if (o !== undefined && marksFields(o)) out.push(f.createExpressionStatement(store(siteId(o.getStart(source)))))
        out.push(st)
      })
      return out
    }
    const visit: ts.Visitor = (node) => {
      let visited = ts.visitEachChild(node, visit, context)
      if (ts.isBlock(node) && (visited as ts.Block).statements.length === node.statements.length)
        visited = f.updateBlock(visited as ts.Block, markStatements((visited as ts.Block).statements, node.statements))
      else if (ts.isCaseClause(node) && (visited as ts.CaseClause).statements.length === node.statements.length)
        visited = f.updateCaseClause(
          visited as ts.CaseClause,
          (visited as ts.CaseClause).expression,
          markStatements((visited as ts.CaseClause).statements, node.statements),
        )
      else if (ts.isDefaultClause(node) && (visited as ts.DefaultClause).statements.length === node.statements.length)
        visited = f.updateDefaultClause(
          visited as ts.DefaultClause,
          markStatements((visited as ts.DefaultClause).statements, node.statements),
        )
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && apiNames.has(node.expression.text)) {
        const call = visited as ts.CallExpression
        const mark = f.createVoidExpression(
          f.createParenthesizedExpression(store(siteId(node.expression.getStart(source)))),
        )
        return f.updateCallExpression(call, call.expression, call.typeArguments, [...call.arguments, mark])
      }
      if (
        (ts.isFunctionDeclaration(node) ||
          ts.isFunctionExpression(node) ||
          ts.isArrowFunction(node) ||
          ts.isMethodDeclaration(node)) &&
        node.body &&
        ts.isBlock(node.body)
      ) {
        const fn = visited as ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration
        const body = fn.body as ts.Block
        const marked = f.updateBlock(body, [
          f.createExpressionStatement(store(siteId(node.getStart(source)))),
          ...body.statements,
        ])
        if (ts.isFunctionDeclaration(fn)) {
          return f.updateFunctionDeclaration(
            fn,
            fn.modifiers,
            fn.asteriskToken,
            fn.name,
            fn.typeParameters,
            fn.parameters,
            fn.type,
            marked,
          )
        }
        if (ts.isFunctionExpression(fn)) {
          return f.updateFunctionExpression(
            fn,
            fn.modifiers,
            fn.asteriskToken,
            fn.name,
            fn.typeParameters,
            fn.parameters,
            fn.type,
            marked,
          )
        }
        if (ts.isArrowFunction(fn)) {
          return f.updateArrowFunction(
            fn,
            fn.modifiers,
            fn.typeParameters,
            fn.parameters,
            fn.type,
            fn.equalsGreaterThanToken,
            marked,
          )
        }
        return f.updateMethodDeclaration(
          fn,
          fn.modifiers,
          fn.asteriskToken,
          fn.name,
          fn.questionToken,
          fn.typeParameters,
          fn.parameters,
          fn.type,
          marked,
        )
      }
      const at = node.getStart(source)
      if (ts.isWhileStatement(visited))
        return f.updateWhileStatement(visited, visited.expression, markBody(visited.statement, at))
      if (ts.isDoStatement(visited))
        return f.updateDoStatement(visited, markBody(visited.statement, at), visited.expression)
      if (ts.isForStatement(visited)) {
        return f.updateForStatement(
          visited,
          visited.initializer,
          visited.condition,
          visited.incrementor,
          markBody(visited.statement, at),
        )
      }
      if (ts.isForOfStatement(visited)) {
        return f.updateForOfStatement(
          visited,
          visited.awaitModifier,
          visited.initializer,
          visited.expression,
          markBody(visited.statement, at),
        )
      }
      if (ts.isForInStatement(visited)) {
        return f.updateForInStatement(visited, visited.initializer, visited.expression, markBody(visited.statement, at))
      }
      return visited
    }
    return (file) => {
      const visited = ts.visitNode(file, visit) as ts.SourceFile
      if (visited.statements.length !== file.statements.length) return visited
      return f.updateSourceFile(visited, markStatements(visited.statements, file.statements))
    }
  }
}

const NOT_FIELDS = new Set(['value', 'length', '$va'])

/** True when `node` reads or writes a property that may be a structure field (not inside a nested function). */
function readsField(node: ts.Node): boolean {
  let found = false
  const scan = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n) || ts.isClassLike(n)) return
    // A method's callee (`Math.min(...)`, `list.push(...)`) is not a structure field.
    const callee = ts.isCallExpression(n.parent) && n.parent.expression === n
    if (ts.isPropertyAccessExpression(n) && !callee && !NOT_FIELDS.has(n.name.text)) {
      found = true
      return
    }
    ts.forEachChild(n, scan)
  }
  ts.forEachChild(node, scan)
  return found
}

/**
 * Transpiles one script. Syntax errors and imports come back as diagnostics (file, line, column, message); the
 * caller must not run a script with diagnostics.
 */
export function transpileScript(file: string, text: string, apiNames: ReadonlySet<string>): TranspiledScript {
  const isJs = /\.[cm]?js$/i.test(file)
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.ES2022,
    true,
    isJs ? ts.ScriptKind.JS : ts.ScriptKind.TS,
  )
  const sites: ScriptSite[] = []
  const diagnostics: ScriptDiagnostic[] = []
  const output = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      sourceMap: true,
      inlineSources: true,
      strict: true,
      removeComments: false,
      allowJs: true,
    },
    transformers: { before: [siteInjector(apiNames, source, sites)] },
  })
  for (const d of output.diagnostics ?? []) diagnostics.push(diagnosticOf(d, file))
  // transpileModule reports only some syntax errors; the parser's own list is the complete one.
  const parseDiagnostics = (source as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? []
  for (const d of parseDiagnostics) {
    const found = diagnosticOf(d, file)
    if (!diagnostics.some((x) => x.line === found.line && x.column === found.column && x.message === found.message)) {
      diagnostics.push(found)
    }
  }
  diagnostics.push(...importDiagnostics(source, file))
  return { file, code: output.outputText, map: output.sourceMapText ?? '', sites, diagnostics }
}
