// The NDIS library of a kernel: one NdisRuntime per kernel, with its run-end leak scan registered (leak-scan.ts).
import type { Kernel } from '../kernel/kernel'
import { finishScan } from './leak-scan'
import { NdisRuntime } from './runtime'

const runtimes = new WeakMap<Kernel, NdisRuntime>()

/** The NDIS library state of a kernel (one per kernel). */
export function ndisRuntime(kernel: Kernel): NdisRuntime {
  let rt = runtimes.get(kernel)
  if (rt === undefined) {
    const created = new NdisRuntime(kernel)
    kernel.onFinish(() => finishScan(created))
    runtimes.set(kernel, created)
    rt = created
  }
  return rt
}
