// Whether a case passed: the checks every case makes, then its expectation (test-case.ts). Each failed check is a
// sentence naming the figure that broke it, the evidence a driver author reads first.
import type { RunReport } from '../report/report'
import type { TestCase } from './test-case'

/** The protocol's send pool when the scenario does not size it (core/protocol/options.ts). */
const SEND_POOL = 32
const ENDED_NORMALLY = new Set(['duration', 'frames', 'halted'])

const MAC = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i

/** An 802.3 miniport's answers to the binding's OIDs, judged as a transport would rely on them. */
function bindingProblems(r: RunReport): string[] {
  const b = r.binding
  if (!b) return ['no binding was made']
  const out: string[] = []
  if (b.state !== 'bound') out.push(`the binding ${b.state}${b.failure ? `: ${b.failure}` : ''}`)
  const unicast = (a: string) => MAC.test(a) && (parseInt(a.slice(0, 2), 16) & 1) === 0 && !/^(00:){5}00$/.test(a)
  if (!unicast(b.currentAddress)) out.push(`OID_802_3_CURRENT_ADDRESS is not a unicast address: ${b.currentAddress}`)
  if (!unicast(b.permanentAddress))
    out.push(`OID_802_3_PERMANENT_ADDRESS is not a unicast address: ${b.permanentAddress}`)
  if (b.maximumFrameSize < 1500) out.push(`OID_GEN_MAXIMUM_FRAME_SIZE is ${b.maximumFrameSize}, below 1500`)
  if (b.linkSpeed100bps <= 0) out.push('OID_GEN_LINK_SPEED is 0')
  if (b.maximumLookahead <= 0) out.push('OID_GEN_MAXIMUM_LOOKAHEAD is 0')
  if (b.lookahead <= 0 || b.lookahead > Math.max(b.maximumLookahead, 1))
    out.push(`the lookahead set (${b.lookahead}) is not within OID_GEN_MAXIMUM_LOOKAHEAD (${b.maximumLookahead})`)
  if (b.supportedOids === 0) out.push('OID_GEN_SUPPORTED_LIST lists no OID')
  if (b.mediaConnected !== true) out.push('OID_GEN_MEDIA_CONNECT_STATUS does not say connected')
  return out
}

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
  /** Frames the protocol took: NDIS drops those outside the filter that a miniport indicates anyway. */
  const delivered = p.indicated - p.filtered
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
    case 'bound':
      failures.push(...bindingProblems(r))
      break
    case 'filtered':
      // Dropped by the controller's own address filter, or indicated and then dropped by NDIS: either is right.
      if (delivered > 0) failures.push(`${delivered} frame(s) outside the packet filter reached the protocol`)
      break
    case 'accepted':
      if (delivered === 0) failures.push('no frame the filter lets through reached the protocol')
      intact(false)
      break
    case 'reset': {
      const resets = r.binding?.resets ?? 0
      if (resets !== c.expect.resets)
        failures.push(
          `${resets} reset(s) made, ${c.expect.resets} asked for${resets === 0 ? ' (NDIS cannot reset a miniport without MiniportReset)' : ''}`,
        )
      if (p.indicated === 0) failures.push('no frame reached the protocol')
      intact(false)
      break
    }
  }
  return failures
}
