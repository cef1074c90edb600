// `nicbench serve`: the built UI over HTTP on loopback, WorkbenchApi over a WebSocket that validates every message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
beforeAll(async () => {
  serve = await startServe()
})
afterAll(async () => serve?.stop())

function exchange(message: string): Promise<Record<string, unknown>> {
  const socket = new WebSocket(serve.apiUrl, { origin: serve.origin })
  return new Promise((resolve, reject) => {
    socket.once('open', () => socket.send(message))
    socket.once('message', (data) => {
      socket.close()
      resolve(JSON.parse(String(data)) as Record<string, unknown>)
    })
    socket.once('error', reject)
  })
}

describe('nicbench serve', () => {
  it('binds to loopback and serves the UI with a strict CSP', async () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/)
    const response = await fetch(serve.url)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<div id="app">')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
  })

  it('answers 404 for files outside the UI', async () => {
    const response = await fetch(`${serve.origin}/%2e%2e/package.json?token=${serve.token}`)
    expect(response.status).toBe(404)
  })

  it('answers getInfo over the WebSocket', async () => {
    const reply = await exchange(JSON.stringify({ id: 7, call: 'getInfo', args: [] }))
    expect(reply['id']).toBe(7)
    expect(reply['result']).toMatchObject({ host: 'serve' })
  })

  it('refuses invalid messages with a reason', async () => {
    await expect(exchange('not json')).resolves.toEqual({ id: -1, error: 'message is not JSON' })
    const unknown = await exchange(JSON.stringify({ id: 1, call: 'formatDisk' }))
    expect(String(unknown['error'])).toMatch(/^invalid request at call:/)
  })
})
