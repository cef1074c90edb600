// The engine worker: runs one job off the host's thread, so a script that spins, throws or exhausts memory never
// harms the host; the host can terminate it (the watchdog) and reads its shared cells afterwards.
import { parentPort, workerData } from 'node:worker_threads'
import { executeJob } from './execute'
import type { EngineJob, EngineResult } from './messages'
import { hardenHostRealm } from '../script-host/host-realm'

// Scripts run in this thread: close its realm to them before the first one loads.
hardenHostRealm()

void executeJob(workerData as EngineJob)
  .catch((error: unknown): EngineResult => ({
    type: 'internal-error',
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? (error.stack ?? '') : '',
  }))
  .then((result) =>
    parentPort!.postMessage(
      result,
      result.type === 'done' && result.capture ? [result.capture.buffer as ArrayBuffer] : [],
    ),
  )
