// Whether a case passed: the checks every case makes, then its expectation (test-case.ts). Each failed check is a
// sentence naming the figure that broke it, the evidence a driver author reads first.
import type { RunReport } from '../report/report'
import type { TestCase } from './test-case'

/** The protocol's send pool when the scenario does not size it (core/protocol/options.ts). */
const SEND_POOL = 32
const ENDED_NORMALLY = new Set(['duration', 'frames', 'halted'])

export function verdict(c: TestCase, r: RunReport): string[] {
  const failures: string[] = []
  const p = r.protocol
  if (r.bugcheck)
    failures.push(
      `bug check ${r.bugcheck.code} (${r.bugcheck.rule}) at line ${r.bugcheck.at.line}: ${r.bugcheck.message}`,
    )
  if (r.error) failures.push(`the script threw: ${r.error.message}`)
  for (const f of r.findings) if (f.severity === 'error') failures.push(`${f.rule} at line ${f.at.line}: ${f.message}`)
  for (const bug of r.workbenchBugs ?? []) failures.push(`the books do not balance: ${bug}`)
  const initFailedCleanly = c.expect.kind === 'survives' && r.stopReason === 'init-failed'
  if (!ENDED_NORMALLY.has(r.stopReason) && !initFailedCleanly) failures.push(`the run stopped early: ${r.stopReason}`)
  if (failures.length > 0 || initFailedCleanly) return failures

  // Frames on a wire whose cable is out are lost by the wire, not the miniport: the link cases do not count them.
  const intact = (countLost = true) => {
    if (p.corrupted > 0) failures.push(`${p.corrupted} frame(s) reached the protocol corrupted`)
    if (countLost && p.lost > 0) failures.push(`${p.lost} frame(s) lost`)
    if (p.duplicated > 0) failures.push(`${p.duplicated} frame(s) duplicated`)
    if (p.reordered > 0) failures.push(`${p.reordered} frame(s) reordered`)
  }
  switch (c.expect.kind) {
    case 'intact':
      if (p.indicated === 0) failures.push('no frame reached the protocol')
      if (r.nic.rxMissed + r.nic.rxNoBuffer > 0)
        failures.push(`the controller dropped ${r.nic.rxMissed + r.nic.rxNoBuffer} frame(s) for want of buffers`)
      intact()
      break
    case 'sends':
      if (p.sent === 0) failures.push('the protocol sent nothing')
      if (r.nic.txFrames === 0) failures.push('no frame went out on the wire')
      // At the end, only what the protocol's send pool holds may still be in flight.
      if (p.sent - p.sendCompleted > SEND_POOL)
        failures.push(`${p.sent - p.sendCompleted} of ${p.sent} send(s) not completed with success`)
      if (p.indicated === 0) failures.push('no sent frame came back to the protocol')
      intact()
      break
    case 'link':
      if (r.nic.linkChanges !== c.expect.changes)
        failures.push(`${r.nic.linkChanges} link change(s) seen, ${c.expect.changes} made`)
      if (p.indicated === 0) failures.push('no frame reached the protocol')
      intact(false)
      break
    case 'survives':
      if (p.indicated === 0) failures.push('the miniport started but passed no traffic after the failed allocation')
      break
    case 'invariants':
      if (p.indicated === 0) failures.push('no frame reached the protocol')
      break
  }
  return failures
}
