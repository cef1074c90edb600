// Builds the JSON report (cli.md) from a finished run. Everything here is deterministic; the host adds the
// wall-clock fields and the script error's source-mapped stack.
import type { CallSites } from '../verifier/call-site'
import {
  T_INTERRUPTS,
  T_LINK_CHANGES,
  T_RX_BYTES,
  T_RX_CRC_ERRORS,
  T_RX_FRAMES,
  T_RX_LENGTH_ERRORS,
  T_RX_MISSED,
  T_RX_NO_BUFFER,
  T_TX_BYTES,
  T_TX_FRAMES,
} from '../controller/state'
import { ndisRuntime } from '../ndis/instance'
import {
  hex32,
  hexCode,
  type FindingReport,
  type ProtocolReport,
  type PoolReport,
  type ReportLocation,
  type RunReport,
  type BindingReport,
  type ScriptErrorReport,
} from '../report/report'
import { verifierLevelName } from '../verifier/level'
import type { Run } from './run'
import { reportInvariantBugs } from './report-invariants'

export function location(sites: CallSites, id: number): ReportLocation {
  const l = sites.location(id)
  return { file: l.file, line: l.line, column: l.column }
}

function pools(run: Run): PoolReport[] {
  const rt = ndisRuntime(run.kernel)
  const out: PoolReport[] = []
  // Pools made at site 0 belong to the emulated protocol, not to the script.
  for (const p of rt.packetPoolHistory) {
    if (p.createdSite === 0) continue
    out.push({
      handle: hex32(p.handle),
      kind: 'packet',
      numberOfDescriptors: p.numberOfDescriptors,
      overflowDescriptors: p.overflowDescriptors,
      protocolReservedLength: p.protocolReservedLength,
      inUse: p.inUse,
      highWater: p.highWater,
      allocations: p.allocations,
      failures: p.failures,
      createdAt: location(run.sites, p.createdSite),
      storageBytes: p.numberOfDescriptors * p.stride,
      freed: !p.alive,
    })
  }
  for (const p of rt.bufferPoolHistory) {
    if (p.system || p.createdSite === 0) continue
    out.push({
      handle: hex32(p.handle),
      kind: 'buffer',
      numberOfDescriptors: p.numberOfDescriptors,
      overflowDescriptors: 0,
      protocolReservedLength: 0,
      inUse: p.inUse,
      highWater: p.highWater,
      allocations: p.allocations,
      failures: p.failures,
      createdAt: location(run.sites, p.createdSite),
      freed: !p.alive,
    })
  }
  return out
}

export function protocolFigures(run: Run): ProtocolReport {
  const p = run.protocol.snapshot()
  return {
    indicated: p.indicated,
    returned: p.returned,
    copiedOnResources: p.copiedOnResources,
    copied: p.copied,
    corrupted: p.corrupted,
    lost: p.lost,
    duplicated: p.duplicated,
    reordered: p.reordered,
    outstanding: p.outstanding,
    sent: p.sent,
    sendCompleted: p.sendCompleted,
    sendFailed: p.sendFailed,
    filtered: p.filtered,
    lookaheadIndicated: p.lookaheadIndicated,
    transferred: p.transferred,
  }
}

export function bindingFigures(run: Run): BindingReport {
  return {
    ...run.protocol.binding.snapshot(),
    requestsMade: run.requests.issued,
    requests: run.requests.log.slice(),
    resets: run.miniport.adapter.resets,
    unloaded: run.lifecycle.unloadRan,
  }
}

export function buildReport(run: Run, error: ScriptErrorReport | null): RunReport {
  const protocol = protocolFigures(run)
  const sites = run.sites
  const totals = run.controller.totals
  const stop = run.stop
  const findings: FindingReport[] = run.kernel.verifier.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    code: hexCode(f.code),
    params: [hex32(f.params[0]), hex32(f.params[1]), hex32(f.params[2]), hex32(f.params[3])],
    message: f.message,
    at: location(sites, f.site),
    ...(f.allocatedSite > 0 ? { allocatedAt: location(sites, f.allocatedSite) } : {}),
    timeNs: f.timeNs,
  }))
  const b = stop?.bugCheck ?? null
  const log = run.debugOutput.map((entry) => ({ timeNs: entry.timeNs, text: entry.text.replace(/\n$/, '') }))
  if (stop?.startFailure)
    log.push({ timeNs: run.scheduler.nowNs, text: `the miniport did not start: ${stop.startFailure}` })
  return {
    version: 1,
    seed: run.config.seed,
    virtualTimeNs: run.scheduler.nowNs,
    stopReason: stop?.reason ?? 'duration',
    verifier: verifierLevelName(run.kernel.verifier.level),
    script: { file: run.config.script.file, sha256: run.config.script.sha256 },
    scenario: { file: run.config.scenarioFile, name: run.config.scenario.name },
    eventTrace: { events: run.scheduler.dispatched, hash: run.scheduler.trace.hex() },
    pools: pools(run),
    nic: {
      rxFrames: totals[T_RX_FRAMES]!,
      rxBytes: totals[T_RX_BYTES]!,
      rxMissed: totals[T_RX_MISSED]!,
      rxNoBuffer: totals[T_RX_NO_BUFFER]!,
      rxErrors: totals[T_RX_CRC_ERRORS]! + totals[T_RX_LENGTH_ERRORS]!,
      txFrames: totals[T_TX_FRAMES]!,
      txBytes: totals[T_TX_BYTES]!,
      interrupts: totals[T_INTERRUPTS]!,
      linkChanges: totals[T_LINK_CHANGES]!,
    },
    protocol,
    binding: bindingFigures(run),
    findings,
    bugcheck: b
      ? {
          rule: b.rule,
          code: hexCode(b.code),
          name: b.bugCheckName,
          params: [hex32(b.params[0]), hex32(b.params[1]), hex32(b.params[2]), hex32(b.params[3])],
          message: b.message,
          at: location(sites, b.site),
        }
      : null,
    error,
    log,
    ...inputWarningsAndBugs(run),
    ...(run.allocationSites ? { allocationSites: run.allocationSites.report() } : {}),
    wallClock: { elapsedMs: 0, framesPerSecond: 0 },
  }
}

function inputWarningsAndBugs(run: Run): Pick<RunReport, 'warnings' | 'workbenchBugs'> {
  const warnings = run.config.replay?.warnings ?? []
  const bugs = reportInvariantBugs(run)
  return { ...(warnings.length > 0 ? { warnings } : {}), ...(bugs.length > 0 ? { workbenchBugs: bugs } : {}) }
}
