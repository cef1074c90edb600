// The capture a workbench replay plays: the one the author picked in the UI (sent with the start request), else the
// example capture of that base name (examples/captures/). The scenario's text has no folder of its own, so wire.file
// is matched by base name only; nothing outside examples/captures/ is ever read for it.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { StartRunRequest } from '../../core/api/workbench-api'
import { readCapture } from '../../core/capture/capture-reader'
import { CaptureError } from '../../core/capture/capture-error'
import type { CaptureFile } from '../../core/capture/capture-file'
import { replayOutOfRange } from '../../core/wire/pcap-replay'
import type { ReplayOptions } from '../../core/wire/schemas'
import { productRoot } from '../paths'
import { captureBaseName } from '../../core/scenario/replay-text'

/** The example captures' folder. */
export function exampleCapturesDir(): string {
  return join(productRoot(), 'examples', 'captures')
}

/** The example captures, by file name. */
export function exampleCaptureNames(dir = exampleCapturesDir()): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => /\.(pcap|pcapng)$/i.test(n))
      .sort()
  } catch {
    return []
  }
}

/** The capture for the run, or the sentence saying why there is none (a diagnostic at the scenario's wire.file). */
export function replayCapture(
  wire: ReplayOptions,
  picked: StartRunRequest['capture'],
  dir = exampleCapturesDir(),
): { capture: CaptureFile } | { error: string } {
  const name = captureBaseName(wire.file)
  let bytes: Uint8Array
  if (picked && picked.name === name) {
    bytes = new Uint8Array(Buffer.from(picked.base64, 'base64'))
  } else if (exampleCaptureNames(dir).includes(name) && statSync(join(dir, name)).size <= 64 * 1024 * 1024) {
    bytes = new Uint8Array(readFileSync(join(dir, name)))
  } else {
    const examples = exampleCaptureNames(dir)
    return {
      error:
        `wire.file: no capture named ${name} is open: pick it with "Replay capture…"` +
        (examples.length > 0 ? ` (or name an example capture: ${examples.join(', ')})` : ''),
    }
  }
  let capture: CaptureFile
  try {
    capture = readCapture(bytes, name)
  } catch (e) {
    if (e instanceof CaptureError) return { error: `${name}: byte ${e.offset}: ${e.detail}` }
    throw e
  }
  const outOfRange = replayOutOfRange(capture, wire)
  if (outOfRange) return { error: `${name}: byte ${outOfRange.offset}: ${outOfRange.message}` }
  return { capture }
}
