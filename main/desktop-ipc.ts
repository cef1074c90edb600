// The desktop-only calls of the window (workspace files, autosave, recovery), next to WorkbenchApi: arguments are
// validated on arrival like every other IPC message, and only the app's own page may call them.
import { z } from 'zod'

export const DESKTOP_CALLS = ['saveWorkspace', 'saveTextFile', 'editorChanged', 'editorSaved', 'recoveries'] as const
export type DesktopCall = (typeof DESKTOP_CALLS)[number]

export { MENU_CHANNEL, WORKSPACE_CHANNEL } from '../core/api/desktop-api'

const layout = z.record(z.string(), z.json()).optional()

export const WorkspaceContentArg = z.strictObject({
  scripts: z.array(z.string().min(1).max(4096)).max(64),
  scenario: z.string().min(1).max(4096).nullable(),
  verifier: z.enum(['off', 'standard', 'full']),
  seed: z.int().min(0).max(0xffffffff),
  layout,
})

export const DESKTOP_ARGS = {
  saveWorkspace: z.tuple([WorkspaceContentArg, z.string().max(4096).nullable(), z.boolean()]),
  // Main also checks that the path is one the opened workspace names (main/workspace/workspace-texts.ts).
  saveTextFile: z.tuple([z.string().min(1).max(4096), z.string().max(16 * 1024 * 1024)]),
  editorChanged: z.tuple([
    z.string().min(1).max(256),
    z.string().max(4096).nullable(),
    z.string().max(64 * 1024 * 1024),
  ]),
  editorSaved: z.tuple([z.string().min(1).max(256)]),
  recoveries: z.tuple([]),
} satisfies Record<DesktopCall, z.ZodType>

/** Validates the arguments of a desktop call; throws a message naming the call and the bad argument. */
export function desktopArgs<C extends DesktopCall>(call: C, args: unknown[]): z.infer<(typeof DESKTOP_ARGS)[C]> {
  const parsed = DESKTOP_ARGS[call].safeParse(args)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`invalid arguments of ${call} at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`)
  }
  return parsed.data as z.infer<(typeof DESKTOP_ARGS)[C]>
}
