// The JSON Schema of scenario files (draft 2020-12), from the zod definition: published as docs/scenario.schema.json
// and given to the editor's JSON validation.
import { z } from 'zod'
import { ScenarioSchema } from './schema'

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return {
    ...schema,
    title: 'NIC Workbench scenario',
    description:
      'Traffic, protocol behaviour, controller settings, registry, faults, duration and seed of a run (docs/scenario.md).',
  }
}

export function scenarioJsonSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n'
}
