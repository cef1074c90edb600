// Once per page: the NDIS declarations for the script (IntelliSense, hover docs, type errors as you type) and the
// scenario's JSON Schema generated from the engine's zod definition.
import * as monaco from 'monaco-editor'
import ndisDeclarations from '../../../sdk/ndis.d.ts?raw'
import { SCENARIO_FILE_URI, scenarioJsonSchema } from '../services/scenario-schema'

let configured = false

export function configureLanguages(): void {
  if (configured) return
  configured = true
  const ts = monaco.typescript
  ts.typescriptDefaults.setCompilerOptions({
    strict: true,
    // ES2022 is 9 in TypeScript's enum; Monaco's copy of the enum stops at ES2020.
    target: 9 as typeof ts.ScriptTarget.ES2020,
    lib: ['es2022'],
    noEmit: true,
    allowNonTsExtensions: true,
  })
  ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false })
  ts.typescriptDefaults.addExtraLib(ndisDeclarations, 'file:///ndis.d.ts')
  monaco.json.jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    schemas: [{ uri: 'nicwb://scenario.schema.json', fileMatch: [SCENARIO_FILE_URI], schema: scenarioJsonSchema() }],
  })
}
