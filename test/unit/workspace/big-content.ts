import { join } from 'node:path'
import type { WorkspaceContent } from '../../../main/workspace/workspace-file'

/** A workspace large enough (`size` bytes of layout) that a kill often lands in the middle of writing it. */
export function bigContent(file: string, variant: 'A' | 'B', size: number): WorkspaceContent {
  return {
    scripts: [join(file, '..', `driver-${variant}.ts`)],
    scenario: null,
    verifier: variant === 'A' ? 'standard' : 'full',
    seed: variant === 'A' ? 1 : 2,
    layout: { variant, filler: variant.repeat(size) },
  }
}
