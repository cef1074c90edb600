// Writes docs/scenario.schema.json: the JSON Schema of scenario files, generated from the zod definition the run
// validates with (core/scenario/schema.ts), so editors validate what the workbench accepts. A test checks it is current.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { scenarioJsonSchemaText } from '../core/scenario/json-schema'

writeFileSync(join(process.cwd(), 'docs', 'scenario.schema.json'), scenarioJsonSchemaText())
console.log('docs/scenario.schema.json written')
