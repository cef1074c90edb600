// The handler watch the supervisor's watchdog reads: it counts outermost entries of script code only (a handler that
// keeps calling the library, whose nested SynchronizeFunction calls enter and leave, is still one entry), and it is
// left when a handler throws, so a run ended by a bug check never looks like a handler that did not return.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  HandlerWatch,
  WATCH_ACTIVE,
  WATCH_CALLER_SITE,
  WATCH_ENTRIES,
  WATCH_HANDLER,
  WATCHED_HANDLERS,
  watchedName,
} from '../../../core/miniport/handler-watch'
import { startRun } from '../../support/real-run'

describe('HandlerWatch', () => {
  it('counts and names the outermost entry; nested entries change nothing', () => {
    const watch = new HandlerWatch()
    const dpc = watch.id('MiniportHandleInterrupt')
    watch.enter(dpc)
    for (let i = 0; i < 5; i++) {
      watch.enter(watch.id('SynchronizeFunction'), 42)
      expect(watch.cells[WATCH_CALLER_SITE]).toBe(42)
      watch.leave()
    }
    expect(watch.cells[WATCH_CALLER_SITE]).toBe(0)
    expect(watch.cells[WATCH_ENTRIES]).toBe(1)
    expect(watch.cells[WATCH_ACTIVE]).toBe(1)
    expect(watchedName(watch.cells[WATCH_HANDLER]!)).toBe('MiniportHandleInterrupt')
    watch.leave()
    expect(watch.cells[WATCH_ACTIVE]).toBe(0)
    watch.leave() // an unpaired leave does not go below zero
    watch.enter(dpc)
    expect(watch.cells[WATCH_ENTRIES]).toBe(2)
    expect(watch.active).toBe(true)
  })

  it('names ids it does not know as a handler', () => {
    expect(watchedName(0)).toBe('a handler')
    expect(watchedName(WATCHED_HANDLERS.length + 3)).toBe('a handler')
  })
})

describe('the watch after a bug check', () => {
  it('is left when the handler that bug-checked threw through it', () => {
    const script = readFileSync(join(__dirname, '../../../examples/buggy/spin-lock-released-twice.ts'), 'utf8')
    const run = startRun(script, { file: 'spin-lock-released-twice.ts' })
    run.runToEnd()
    expect(run.stop?.reason).toBe('bugcheck')
    expect(run.watch.active).toBe(false)
    expect(run.watch.cells[WATCH_ACTIVE]).toBe(0)
  })
})
