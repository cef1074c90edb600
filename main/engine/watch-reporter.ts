// The engine process's watch reporter: a thread that runs no script code and keeps writing what the engine's cells
// say to the supervising process (engine-protocol.ts, "The watch stream"), also while the engine's main thread is
// held by a script that spins, blocks in Atomics.wait, or keeps calling the library. Its source is text run with
// `eval: true`, so it needs no bundler entry of its own (like the pacer's).
import { Worker } from 'node:worker_threads'
import {
  W_ACTIVE,
  W_ENTRIES,
  W_EVENTS,
  W_HANDLER,
  W_PACKETS_IN_USE,
  W_RX_FRAMES,
  W_SITE,
  W_TIME_NS,
  WATCH_FD,
  WATCH_RECORD_FIELDS,
  WATCH_REPORT_MS,
} from '../../core/api/engine-protocol'
import { WATCH_ACTIVE, WATCH_CALLER_SITE, WATCH_ENTRIES, WATCH_HANDLER } from '../../core/miniport/handler-watch'
import { P_EVENTS, P_PACKETS_IN_USE, P_RX_FRAMES, P_TIME_NS, type EngineCells } from './engine-cells'

const SOURCE = `
'use strict'
const { workerData } = require('node:worker_threads')
const { writeSync } = require('node:fs')
const watch = new Int32Array(workerData.watch)
const site = new Int32Array(workerData.site)
const progress = new Float64Array(workerData.progress)
const record = new Float64Array(${WATCH_RECORD_FIELDS})
const bytes = new Uint8Array(record.buffer)
const report = () => {
  record[${W_ENTRIES}] = Atomics.load(watch, ${WATCH_ENTRIES})
  record[${W_ACTIVE}] = Atomics.load(watch, ${WATCH_ACTIVE})
  record[${W_HANDLER}] = Atomics.load(watch, ${WATCH_HANDLER})
  const caller = Atomics.load(watch, ${WATCH_CALLER_SITE})
  record[${W_SITE}] = caller !== 0 ? caller : Atomics.load(site, 0)
  record[${W_TIME_NS}] = progress[${P_TIME_NS}]
  record[${W_EVENTS}] = progress[${P_EVENTS}]
  record[${W_RX_FRAMES}] = progress[${P_RX_FRAMES}]
  record[${W_PACKETS_IN_USE}] = progress[${P_PACKETS_IN_USE}]
  try {
    writeSync(${WATCH_FD}, bytes)
  } catch (e) {
    // The host is gone: nobody is left to report to.
    if (e.code === 'EPIPE' || e.code === 'EBADF') process.exit(1)
  }
}
report()
setInterval(report, ${WATCH_REPORT_MS})
`

export function startWatchReporter(cells: EngineCells): Worker {
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { watch: cells.watch.buffer, site: cells.site.buffer, progress: cells.progress.buffer },
  })
  worker.unref()
  return worker
}
