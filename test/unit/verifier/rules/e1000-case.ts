// The frame of the datasheet rules' own tests: an Intel 82540EM whose datasheet findings go to the kernel's verifier
// (as a run wires it), on the kernel of the rule case, so the finding names the script line of the register access.
import { E1000Controller } from '../../../../core/controller/e1000'
import { e1000RegisterByName } from '../../../../core/controller/e1000-registers'
import { vaToPa } from '../../../../core/kernel/physical'
import { Scheduler } from '../../../../core/sim/scheduler'
import type { KernelCtx } from './rule-case'

export interface DatasheetCtx {
  e: E1000Controller
  scheduler: Scheduler
  write(name: string, value: number): void
  read(name: string): number
  /** Shared memory (NdisMAllocateSharedMemory's): its physical address. */
  shared(bytes: number): number
}

export function e1000On(c: KernelCtx): DatasheetCtx {
  const scheduler = new Scheduler()
  const blocks: { pa: number; length: number }[] = []
  const e = new E1000Controller({
    memory: c.k.memory,
    scheduler,
    eventKindBase: 0,
    extraKindBase: 8,
    datasheet: (rule, p2, p3, p4, message) => c.k.verifier.report(rule, p2, p3, p4, message),
    isSharedMemory: (pa, length) => blocks.some((b) => pa >= b.pa && pa + length <= b.pa + b.length),
  })
  const offset = (name: string) => e1000RegisterByName(name)!.offset
  return {
    e,
    scheduler,
    write: (name, value) => e.writeRegister(offset(name), 4, value),
    read: (name) => e.readRegister(offset(name), 4),
    shared(bytes) {
      const va = c.k.memory.allocate(bytes, 0, 0, 0, 'shared')
      const pa = vaToPa(va)
      blocks.push({ pa, length: bytes })
      return pa
    },
  }
}
