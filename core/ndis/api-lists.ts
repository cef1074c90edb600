// Doubly and singly linked lists in kernel memory by C name (wdm.h's LIST_ENTRY functions, ndis.h's NdisInterlocked*
// forms; docs/structures.md). An entry or head is passed by address, or as the view of a LIST_ENTRY field; every
// link goes through the kernel's checked reads and writes, and a neighbour that does not point back is R64 (Windows
// 8's check of the same functions). NdisInterlockedIncrement / Decrement / AddUlong work on a LONG / ULONG in memory.
import { CView } from '../kernel/c-struct'
import { fmtVa } from '../kernel/kernel'
import { NDIS_SPIN_LOCK, SIZEOF_NDIS_SPIN_LOCK } from '../kernel/spin-lock'
import { acquireSpinLock, releaseSpinLock } from '../kernel/spin-locks'
import { R64 } from '../verifier/catalogue'
import type { NdisRuntime } from './runtime'

/** The address a list argument stands for: a number, or the view of a LIST_ENTRY / SINGLE_LIST_ENTRY. */
function entryVa(value: unknown): number {
  return typeof value === 'number' ? value : CView.va(value)
}

export function listApi(rt: NdisRuntime) {
  const k = rt.kernel
  const rd = (va: number): number => k.read32(va)
  const wr = (va: number, value: number): void => k.write32(va, value)
  const lock = (SpinLock: unknown): unknown => k.embedded(SpinLock, NDIS_SPIN_LOCK, SIZEOF_NDIS_SPIN_LOCK)

  function corrupt(call: string, entry: number, flink: number, blink: number): void {
    k.verifier.report(
      R64,
      entry,
      flink,
      blink,
      `${call}: the LIST_ENTRY at ${fmtVa(entry)} is corrupt (Flink ${fmtVa(flink)}, Blink ${fmtVa(blink)}: a neighbour does not point back)`,
    )
  }

  function removeEntry(call: string, entry: number): boolean {
    const flink = rd(entry)
    const blink = rd(entry + 4)
    if (rd(flink + 4) !== entry || rd(blink) !== entry) {
      corrupt(call, entry, flink, blink)
      return false
    }
    wr(blink, flink)
    wr(flink + 4, blink)
    return flink === blink
  }

  function insertHead(call: string, head: number, entry: number): void {
    const flink = rd(head)
    if (rd(flink + 4) !== head) return corrupt(call, head, flink, rd(head + 4))
    wr(entry, flink)
    wr(entry + 4, head)
    wr(flink + 4, entry)
    wr(head, entry)
  }

  function insertTail(call: string, head: number, entry: number): void {
    const blink = rd(head + 4)
    if (rd(blink) !== head) return corrupt(call, head, rd(head), blink)
    wr(entry, head)
    wr(entry + 4, blink)
    wr(blink, entry)
    wr(head + 4, entry)
  }

  function removeHead(call: string, head: number): number {
    const entry = rd(head)
    if (entry !== head) removeEntry(call, entry)
    return entry
  }

  function pop(head: number): number {
    const first = rd(head)
    if (first !== 0) wr(head, rd(first))
    return first
  }

  // The NdisInterlocked* functions hold the spin lock around the operation (IRQL <= DISPATCH_LEVEL), as NDIS does.
  let held: unknown = null
  function enter(SpinLock: unknown): void {
    held = lock(SpinLock)
    acquireSpinLock(k, held)
  }
  function leave<T>(result: T): T {
    releaseSpinLock(k, held)
    held = null
    return result
  }

  return {
    InitializeListHead(ListHead: unknown): void {
      const head = entryVa(ListHead)
      wr(head, head)
      wr(head + 4, head)
    },
    IsListEmpty(ListHead: unknown): boolean {
      const head = entryVa(ListHead)
      return rd(head) === head
    },
    /** TRUE when the list is empty afterwards. */
    RemoveEntryList(Entry: unknown): boolean {
      return removeEntry('RemoveEntryList', entryVa(Entry))
    },
    /** The first entry, unlinked (the head itself when the list is empty, as in C). */
    RemoveHeadList(ListHead: unknown): number {
      return removeHead('RemoveHeadList', entryVa(ListHead))
    },
    RemoveTailList(ListHead: unknown): number {
      const head = entryVa(ListHead)
      const entry = rd(head + 4)
      if (entry !== head) removeEntry('RemoveTailList', entry)
      return entry
    },
    InsertHeadList(ListHead: unknown, Entry: unknown): void {
      insertHead('InsertHeadList', entryVa(ListHead), entryVa(Entry))
    },
    InsertTailList(ListHead: unknown, Entry: unknown): void {
      insertTail('InsertTailList', entryVa(ListHead), entryVa(Entry))
    },
    PushEntryList(ListHead: unknown, Entry: unknown): void {
      const head = entryVa(ListHead)
      const entry = entryVa(Entry)
      wr(entry, rd(head))
      wr(head, entry)
    },
    /** The first entry, unlinked, or NULL. */
    PopEntryList(ListHead: unknown): number {
      return pop(entryVa(ListHead))
    },

    /** The entry that was first, or NULL when the list was empty. */
    NdisInterlockedInsertHeadList(ListHead: unknown, ListEntry: unknown, SpinLock: unknown): number {
      enter(SpinLock)
      const head = entryVa(ListHead)
      const first = rd(head)
      insertHead('NdisInterlockedInsertHeadList', head, entryVa(ListEntry))
      return leave(first === head ? 0 : first)
    },
    /** The entry that was last, or NULL when the list was empty. */
    NdisInterlockedInsertTailList(ListHead: unknown, ListEntry: unknown, SpinLock: unknown): number {
      enter(SpinLock)
      const head = entryVa(ListHead)
      const last = rd(head + 4)
      insertTail('NdisInterlockedInsertTailList', head, entryVa(ListEntry))
      return leave(last === head ? 0 : last)
    },
    /** The first entry, unlinked, or NULL when the list is empty. */
    NdisInterlockedRemoveHeadList(ListHead: unknown, SpinLock: unknown): number {
      enter(SpinLock)
      const head = entryVa(ListHead)
      const entry = removeHead('NdisInterlockedRemoveHeadList', head)
      return leave(entry === head ? 0 : entry)
    },
    /** The entry that was first, or NULL. */
    NdisInterlockedPushEntryList(ListHead: unknown, ListEntry: unknown, Lock: unknown): number {
      enter(Lock)
      const head = entryVa(ListHead)
      const entry = entryVa(ListEntry)
      const first = rd(head)
      wr(entry, first)
      wr(head, entry)
      return leave(first)
    },
    NdisInterlockedPopEntryList(ListHead: unknown, Lock: unknown): number {
      enter(Lock)
      return leave(pop(entryVa(ListHead)))
    },

    /** The incremented LONG (any IRQL: an interlocked instruction). */
    NdisInterlockedIncrement(Addend: number): number {
      const value = (rd(Addend) + 1) | 0
      wr(Addend, value)
      return value
    },
    NdisInterlockedDecrement(Addend: number): number {
      const value = (rd(Addend) - 1) | 0
      wr(Addend, value)
      return value
    },
    NdisInterlockedAddUlong(Addend: number, Increment: number, SpinLock: unknown): void {
      enter(SpinLock)
      wr(Addend, (rd(Addend) + (typeof Increment === 'number' ? Increment : 0)) >>> 0)
      leave(0)
    },
  }
}
