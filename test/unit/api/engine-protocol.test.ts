// The engine protocol refuses what is not part of it, at every boundary: a call's arguments (the window's IPC and
// the serve WebSocket), a host's message to the engine, and an engine's message to the host.
import { describe, expect, it } from 'vitest'
import {
  answerRunCommand,
  BadCallError,
  EngineToHostSchema,
  HostToEngineSchema,
  parseCallArgs,
  parseMessage,
  type RunCommandHandlers,
} from '../../../core/api/engine-protocol'
import { WORKBENCH_CALLS } from '../../../core/api/workbench-api'

const request = {
  fileName: 'driver.ts',
  scriptText: '',
  scenarioText: '',
  seed: 1,
  verifier: 'standard',
  speed: 'fast',
}

describe('call arguments', () => {
  it('accepts each call with its arguments', () => {
    expect(parseCallArgs('getPacket', [0x80001000])).toEqual([0x80001000])
    expect(parseCallArgs('setSpeed', ['slow'])).toEqual(['slow'])
    expect(parseCallArgs('getTrace', [0, 100, ['api']])).toEqual([0, 100, ['api']])
    expect(parseCallArgs('startRun', [request])).toEqual([request])
    expect(parseCallArgs('pauseRun', [])).toEqual([])
  })

  it.each([
    ['getPacket', ['0x80001000'], /invalid arguments of getPacket at 0: /],
    ['getPacket', [-1], /invalid arguments of getPacket at 0: /],
    ['setSpeed', ['warp'], /invalid arguments of setSpeed at 0: /],
    ['setCable', [1], /invalid arguments of setCable at 0: /],
    ['pauseRun', [true], /invalid arguments of pauseRun/],
    ['getTrace', [0, 1e9, []], /invalid arguments of getTrace at 1: /],
    ['startRun', [{ ...request, seed: 2 ** 32 }], /invalid arguments of startRun at 0\.seed: /],
    ['startRun', [{ ...request, extra: 1 }], /invalid arguments of startRun at 0: /],
    ['checkScript', ['driver.ts'], /invalid arguments of checkScript/],
    ['listExamples', 'not an array', /invalid arguments of listExamples at \(root\)/],
  ] as const)('refuses %s%j', (call, args, message) => {
    expect(() => parseCallArgs(call, args)).toThrow(BadCallError)
    expect(() => parseCallArgs(call, args)).toThrow(message)
  })

  it('has a schema for every call of WorkbenchApi', () => {
    for (const call of WORKBENCH_CALLS) expect(() => parseCallArgs(call, [Symbol('x')])).toThrow(BadCallError)
  })

  it('validates a run command before the engine answers it', () => {
    const seen: number[] = []
    const handlers: RunCommandHandlers = {
      pauseRun: () => undefined,
      resumeRun: () => undefined,
      stepRun: () => undefined,
      stopRun: () => undefined,
      setSpeed: () => undefined,
      setCable: () => undefined,
      getFindings: () => [],
      listPackets: () => [],
      getPacket: (address) => {
        seen.push(address)
        return null
      },
      getController: () => null,
      getTrace: () => [],
    }
    expect(answerRunCommand(handlers, 'getPacket', [7])).toBeNull()
    expect(() => answerRunCommand(handlers, 'getPacket', ['7'])).toThrow(BadCallError)
    expect(seen).toEqual([7])
  })
})

describe('host ↔ engine messages', () => {
  it('refuses a command the engine does not know, or with malformed fields', () => {
    expect(parseMessage(HostToEngineSchema, { type: 'command', id: 1, name: 'getPacket', args: [1] }).ok).toBe(true)
    expect(parseMessage(HostToEngineSchema, { type: 'command', id: 1, name: 'startRun', args: [] }).ok).toBe(false)
    expect(parseMessage(HostToEngineSchema, { type: 'command', id: -1, name: 'pauseRun', args: [] }).ok).toBe(false)
    expect(parseMessage(HostToEngineSchema, { type: 'shell', command: 'ls' }).ok).toBe(false)
    const noScript = { type: 'batch', input: { config: {}, declared: [] }, trace: false, realtime: false }
    expect(parseMessage(HostToEngineSchema, noScript)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^input\.script/),
    })
  })

  it("refuses an engine's message that is not a protocol message", () => {
    expect(parseMessage(EngineToHostSchema, { type: 'started' }).ok).toBe(true)
    expect(parseMessage(EngineToHostSchema, { type: 'reply', id: 3, result: [1, 2] }).ok).toBe(true)
    expect(parseMessage(EngineToHostSchema, { type: 'stats', stats: { state: 'exploded' } }).ok).toBe(false)
    expect(
      parseMessage(EngineToHostSchema, { type: 'done', report: { version: 2 }, capture: null, trace: null }).ok,
    ).toBe(false)
    expect(parseMessage(EngineToHostSchema, 'started').ok).toBe(false)
  })
})
