// The interactive run over `nicbench serve`'s WebSocket (the wire protocol documented in main/serve/api-socket.ts):
// requests answered by id, statistics pushed on the stats channel, malformed messages refused with a reason while
// the server stays up.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { RunStats } from '../../core/api/workbench-api'
import { ROOT, startServe, type ServeProcess } from '../support/serve'

const REFERENCE = readFileSync(join(ROOT, 'examples', 'reference-miniport.ts'), 'utf8')

let serve: ServeProcess
let socket: WebSocket
const replies = new Map<number, Record<string, unknown>>()
const refusals: string[] = []
let latest: RunStats | null = null
let nextId = 1

beforeAll(async () => {
  serve = await startServe()
  socket = new WebSocket(serve.apiUrl, { origin: serve.origin })
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>
    if (message['channel'] === 'stats') latest = message['data'] as RunStats
    else if (message['id'] === -1) refusals.push(String(message['error']))
    else replies.set(message['id'] as number, message)
  })
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
})
afterAll(async () => {
  socket?.close()
  await serve?.stop()
})

async function until<T>(get: () => T | undefined | null): Promise<T> {
  for (;;) {
    const value = get()
    if (value !== undefined && value !== null) return value
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function call(name: string, ...args: unknown[]): Promise<Record<string, unknown>> {
  const id = nextId++
  socket.send(JSON.stringify({ id, call: name, args }))
  return until(() => replies.get(id))
}

describe('the workbench over the serve WebSocket', () => {
  it('runs the reference miniport and pushes statistics', async () => {
    const examples = await call('listExamples')
    expect((examples['result'] as { name: string }[]).map((e) => e.name)).toContain('reference-miniport.ts')
    const started = await call('startRun', {
      fileName: 'reference-miniport.ts',
      scriptText: REFERENCE,
      scenarioText: '',
      seed: 1,
      verifier: 'standard',
      speed: 'fast',
    })
    expect(started).toEqual({ id: started['id'], result: { ok: true } })
    const moving = await until(() => (latest && latest.nic['rxFrames']! > 0 ? latest : null))
    expect(moving.state).toBe('running')
    const packets = await call('listPackets')
    expect(Array.isArray(packets['result'])).toBe(true)
    expect(await call('stopRun')).toMatchObject({ result: null })
    const ended = await until(() => (latest?.state === 'ended' ? latest : null))
    expect(ended.stopReason).toBe('stopped')
    expect(ended.findingCount).toBe(0)
  })

  it('refuses malformed messages and bad arguments with a reason, and stays up', async () => {
    socket.send('not json')
    socket.send(JSON.stringify({ id: 'x', call: 'getInfo' }))
    socket.send(JSON.stringify({ id: 1, call: 'deleteEverything', args: [] }))
    socket.send(Buffer.from([1, 2, 3]))
    await until(() => (refusals.length >= 4 ? true : null))
    expect(refusals[0]).toBe('message is not JSON')
    expect(refusals[1]).toMatch(/^invalid request at id:/)
    expect(refusals[2]).toMatch(/^invalid request at call:/)
    expect(refusals[3]).toBe('binary messages are not part of the API')
    expect(String((await call('getPacket', 'not a number'))['error'])).toMatch(/^invalid arguments of getPacket at 0:/)
    expect(String((await call('setSpeed', 'warp'))['error'])).toMatch(/^invalid arguments of setSpeed at 0:/)
    expect(String((await call('getTrace', 0, -1, []))['error'])).toMatch(/^invalid arguments of getTrace at 1:/)
    expect(String((await call('startRun', { fileName: 'x.ts' }))['error'])).toMatch(/^invalid arguments of startRun/)
    expect(String((await call('checkScript', 'a.ts'))['error'])).toMatch(/^invalid arguments of checkScript/)
    expect((await call('getInfo'))['result']).toMatchObject({ host: 'serve' })
  })
})
