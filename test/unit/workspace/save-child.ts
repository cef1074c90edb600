// Child process of the kill tests: saves without end until it is killed (saveWorkspace is validation plus this write).
// argv: <mode: workspace|autosave> <target file or data folder> <payload bytes>
import { AutosaveStore } from '../../../main/workspace/autosave'
import { writeFileAtomic } from '../../../main/workspace/atomic-write'
import { serializeWorkspace } from '../../../main/workspace/workspace-file'
import { bigContent } from './big-content'

const [mode, target, bytes] = process.argv.slice(2)
const size = Number(bytes)
// Serialised once, so nearly all of the child's time is spent writing and the kill lands in the middle of a write.
const texts =
  mode === 'workspace'
    ? (['B', 'A'] as const).map((v) => serializeWorkspace(target!, bigContent(target!, v, size)))
    : []
let round = 0
// Autosave: the first entry is on disk before the parent starts its kill timer, so every kill has one to recover.
if (mode === 'autosave') new AutosaveStore(target!).save('untitled:1', null, 'A'.repeat(size), round++)
process.stdout.write('saving\n')
for (;;) {
  const variant = round % 2 === 0 ? 'B' : 'A'
  if (mode === 'workspace') writeFileAtomic(target!, texts[round % 2]!)
  else new AutosaveStore(target!).save('untitled:1', null, variant.repeat(size), round)
  round++
}
