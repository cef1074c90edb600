// The JavaScript limit of a pool: a bare Int32Array LIFO free list, alloc+free pairs per second. Benchmarks print
// their figures as ratios against it, measured in the same run (stack.md: about 140 M pairs/s on these machines).

export function bareFreeListPairsPerSecond(pairs = 5_000_000, rounds = 5): number {
  const free = new Int32Array(64)
  for (let i = 0; i < free.length; i++) free[i] = i
  let top = free.length
  let sink = 0
  let best = 0
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < pairs; i++) {
      const d = top > 0 ? free[--top]! : -1
      sink += d
      free[top++] = d
    }
    const ns = Number(process.hrtime.bigint() - t0)
    best = Math.max(best, pairs / (ns / 1e9))
  }
  if (sink === -1) console.log(sink)
  return best
}
