// `nicbench run`'s engine: one engine process runs the job to its end; whatever ends it early (the watchdog, the
// heap limit, a crash, a kill from outside) still gives a report, built here from what the host last saw.
import type { EngineDone, EngineRunInput } from '../../core/api/engine-protocol'
import { W_EVENTS, W_RX_FRAMES, W_SITE, W_TIME_NS } from '../../core/api/engine-protocol'
import { lostEngineReport, siteLocation, stopForLoss } from '../../core/engine/stop-cause'
import { EngineProcess, type EngineLimits } from './engine-process'

export interface SuperviseOptions extends EngineLimits {
  /** Called with the newest watch record (engine-protocol.ts W_*) every `progressIntervalMs`. */
  onProgress?: ((record: Float64Array) => void) | undefined
  progressIntervalMs?: number
  /** The engine bundle (default: the installed one). */
  entry?: string
}

export interface SuperviseJob {
  input: EngineRunInput
  trace: boolean
  realtime: boolean
}

export function superviseRun(job: SuperviseJob, options: SuperviseOptions = {}): Promise<EngineDone> {
  return new Promise((resolve) => {
    let progress: ReturnType<typeof setInterval> | undefined
    const finish = (done: EngineDone) => {
      clearInterval(progress)
      engine.kill()
      resolve(done)
    }
    const engine: EngineProcess = new EngineProcess(
      options,
      {
        message: (message) => {
          if (message.type === 'done') finish(message)
        },
        lost: (loss) => {
          const config = job.input.config
          const r = engine.last
          const at = siteLocation(config.script.file, job.input.script.sites, r ? r[W_SITE]! : 0)
          const seen = {
            virtualTimeNs: r?.[W_TIME_NS] ?? 0,
            events: r?.[W_EVENTS] ?? 0,
            rxFrames: r?.[W_RX_FRAMES] ?? 0,
          }
          const report = lostEngineReport(config, stopForLoss(loss, at), seen, Date.now() - engine.startedAt)
          finish({ type: 'done', report, capture: null, trace: null })
        },
      },
      options.entry,
    )
    if (options.onProgress) {
      const onProgress = options.onProgress
      progress = setInterval(() => engine.last && onProgress(engine.last), options.progressIntervalMs ?? 100)
    }
    engine.send({ type: 'batch', input: job.input, trace: job.trace, realtime: job.realtime })
  })
}
