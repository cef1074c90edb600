// The scenario editor's JSON Schema, generated from the same zod definition the engine validates with.
import { z } from 'zod'
import { ScenarioSchema } from '../../../core/scenario/schema'

let cached: Record<string, unknown> | undefined

export function scenarioJsonSchema(): Record<string, unknown> {
  cached ??= z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return cached
}

export const SCENARIO_FILE_URI = 'file:///scenario.json'

export const DEFAULT_SCENARIO = `{
  "name": "generator at 10k frames/s",
  "duration": "10s",
  "wire": { "kind": "generator" },
  "protocol": {},
  "registry": {}
}
`
