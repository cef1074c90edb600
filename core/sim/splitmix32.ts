// splitmix32: a tiny seeded generator, deterministic across hosts.
export class SplitMix32 {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  nextUint32(): number {
    this.state = (this.state + 0x9e3779b9) | 0
    let z = this.state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }

  /** Uniform in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296
  }
}
