// The script-facing NDIS library: a plain object of functions by their C names (closures over one kernel, no
// `this`), so a script host can hand them to a script as local bindings. Constants are in NDIS_CONSTANTS.
import type { Kernel } from '../kernel/kernel'
import { bufferApi } from './api-buffers'
import { chainApi } from './api-chains'
import { listApi } from './api-lists'
import { lookasideApi } from './api-lookaside'
import { memoryApi } from './api-memory'
import { oobApi } from './api-oob'
import { packetApi } from './api-packets'
import { syncApi } from './api-sync'
import { ndisRuntime } from './instance'
import { type NdisRuntime } from './runtime'

function build(rt: NdisRuntime) {
  return Object.freeze({
    ...packetApi(rt),
    ...bufferApi(rt),
    ...chainApi(rt),
    ...oobApi(rt),
    ...memoryApi(rt),
    ...syncApi(rt),
    ...listApi(rt),
    ...lookasideApi(rt),
  })
}

export type NdisLibrary = ReturnType<typeof build>

const libraries = new WeakMap<NdisRuntime, NdisLibrary>()

/** The NDIS functions for a kernel (the same object for the same kernel). */
export function createNdisLibrary(kernel: Kernel): NdisLibrary {
  const rt = ndisRuntime(kernel)
  let lib = libraries.get(rt)
  if (lib === undefined) {
    lib = build(rt)
    libraries.set(rt, lib)
  }
  return lib
}
