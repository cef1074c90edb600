// The scenario file (docs/scenario.md): what runs on the wire, how the protocol above behaves, the controller's
// settings, the registry the miniport reads its configuration from, faults, duration and seed. Validated with zod;
// a JSON Schema for the editor is generated from the same definition (scenario.schema.json).
import { z } from 'zod'
import { WireSchema } from '../wire/schemas'
import { ProtocolSchema } from '../protocol/options'
import { parseDuration } from './duration'

const duration = z
  .union([
    z.string().regex(/^\s*\d+(\.\d+)?\s*(ns|us|µs|ms|s)?\s*$/, 'a duration such as 500us, 20ms or 3s'),
    z.int().min(0),
  ])
  .transform((value, ctx) => {
    const parsed = parseDuration(value)
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.error })
      return z.NEVER
    }
    return parsed.ns
  })

const mac = z.string().regex(/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/, 'a MAC address such as 02:00:4e:57:42:01')

export const ControllerSettingsSchema = z.strictObject({
  /** The controller model: the WB-100 teaching device (docs/controller.md) or the Intel 82540EM (docs/82540em.md). */
  model: z.enum(['wb100', '82540em']).default('wb100'),
  /** Frames the receive FIFO holds while the ring has no free descriptor (controller.md). */
  rxFifoFrames: z.int().min(1).max(4096).optional(),
  linkSpeedMbps: z.union([z.literal(10), z.literal(100), z.literal(1000)]).optional(),
  cableConnected: z.boolean().default(true),
  permanentAddress: mac.optional(),
})

export const FaultsSchema = z.strictObject({
  /** Low-resources simulation, the syntax of `nicbench run --fault` (e.g. "NdisAllocatePacket:6%"). */
  lowResources: z.string().optional(),
  linkFlaps: z
    .array(z.strictObject({ at: duration, down: duration }))
    .max(10_000)
    .default([]),
  receiveErrors: z
    .array(z.strictObject({ at: duration, frames: z.int().min(1).max(1_000_000) }))
    .max(10_000)
    .default([]),
  dmaStalls: z
    .array(z.strictObject({ at: duration, duration }))
    .max(10_000)
    .default([]),
  /** NDIS resets the miniport at these times, as after a hang (MiniportReset; docs/ndis-environment.md §7). */
  resets: z
    .array(z.strictObject({ at: duration }))
    .max(10_000)
    .default([]),
})

export const ScenarioSchema = z.strictObject({
  /** Shown in reports and the UI. */
  name: z.string().max(200).default('scenario'),
  description: z.string().max(10_000).optional(),
  /** Seed of every random choice; `nicbench run --seed` overrides it. */
  seed: z.int().min(0).max(0xffffffff).optional(),
  /** Virtual time the run lasts; `--duration` overrides it. */
  duration: duration.default(20_000_000),
  wire: WireSchema.prefault({ kind: 'generator' }),
  protocol: ProtocolSchema.prefault({}),
  controller: ControllerSettingsSchema.prefault({}),
  /** Values NdisReadConfiguration answers (keyword → integer or string). */
  registry: z
    .record(z.string().min(1).max(255), z.union([z.int().min(0).max(0xffffffff), z.string().max(1024)]))
    .default({}),
  faults: FaultsSchema.prefault({}),
  verifier: z.enum(['off', 'standard', 'full']).optional(),
  platform: z.enum(['ce', 'desktop']).default('ce'),
  /**
   * Where the special pool puts its guards around every allocation: 16-byte zones on both sides, or a 4 KiB page
   * after the block (catches wild writes far past the end) or before it (catches underruns).
   */
  specialPool: z.enum(['zones', 'page-after', 'page-before']).default('zones'),
})

export type ScenarioInput = z.input<typeof ScenarioSchema>
export type Scenario = z.output<typeof ScenarioSchema>

export interface ScenarioError {
  /** JSON path of the bad value, e.g. `wire.rateFps` or `faults.linkFlaps[2].at`. */
  path: string
  message: string
}

function pathText(path: readonly PropertyKey[]): string {
  let out = ''
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p)
  return out || '(root)'
}

/** Validates parsed JSON; the first problem comes back with its JSON path. */
export function parseScenario(json: unknown): { scenario: Scenario } | { error: ScenarioError } {
  const result = ScenarioSchema.safeParse(json)
  if (result.success) return { scenario: result.data }
  const issue = result.error.issues[0]!
  return { error: { path: pathText(issue.path), message: issue.message } }
}

/** The scenario that runs when none is given (cli.md): 10,000 64-byte frames/s for 20 ms, everything else default. */
export function defaultScenario(): Scenario {
  const parsed = parseScenario({ name: 'default' })
  if ('error' in parsed) throw new Error(`the default scenario is invalid: ${parsed.error.message}`)
  return parsed.scenario
}
