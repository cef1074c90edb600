// The workspace file (.nicws): JSON naming the miniport script(s), the scenario, the verifier level, the seed and the
// window layout. Paths are stored relative to the workspace's folder so a workspace moves with its project.
import { z } from 'zod'

export const WORKSPACE_EXTENSION = 'nicws'
export const WORKSPACE_FORMAT = 'nic-workbench-workspace'
/** Version written by this build. Older versions are migrated on load; newer ones are refused. */
export const WORKSPACE_VERSION = 2

const relativePath = z.string().min(1).max(4096)
const verifierLevel = z.enum(['off', 'standard', 'full'])
/** cli.md `--seed <n>`: an unsigned 32-bit seed. */
const seed = z.number().int().min(0).max(0xffff_ffff)

/** Version 1: one script, no layout. */
export const workspaceV1 = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(1),
  script: relativePath,
  scenario: relativePath.nullable().default(null),
  verifier: verifierLevel.default('standard'),
  seed: seed.default(1),
})

/** Version 2 (current): several scripts (the first is the miniport that runs), and the layout of the views. */
export const workspaceV2 = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(2),
  scripts: z.array(relativePath).max(64),
  scenario: relativePath.nullable(),
  verifier: verifierLevel,
  seed,
  /** The renderer's remembered layout: opaque here, kept as it was saved. */
  layout: z.record(z.string(), z.json()).default({}),
})

export type WorkspaceV1 = z.infer<typeof workspaceV1>
export type Workspace = z.infer<typeof workspaceV2>
export type VerifierLevel = Workspace['verifier']

/** A new, empty workspace: the defaults of cli.md (verifier standard, seed 1, the default scenario). */
export function emptyWorkspace(): Workspace {
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    scripts: [],
    scenario: null,
    verifier: 'standard',
    seed: 1,
    layout: {},
  }
}

export function migrateV1(old: WorkspaceV1): Workspace {
  return {
    format: WORKSPACE_FORMAT,
    version: 2,
    scripts: [old.script],
    scenario: old.scenario,
    verifier: old.verifier,
    seed: old.seed,
    layout: {},
  }
}
