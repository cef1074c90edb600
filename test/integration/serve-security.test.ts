// Serve mode is safe by default: a page from another site, a DNS-rebinding page (a foreign Host) and a client without
// the launch's token are refused with 403 and logged, while the page opened from the printed address works.
import { request } from 'node:http'
import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CLI, ROOT, startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
let port: number
beforeAll(async () => {
  serve = await startServe()
  port = Number(new URL(serve.url).port)
})
afterAll(async () => serve?.stop())

/** Opens the API WebSocket and reports how the upgrade ended: 'open' or the refusal's HTTP status. */
function upgrade(url: string, headers: Record<string, string>): Promise<'open' | number> {
  const { origin, ...rest } = headers
  const socket = new WebSocket(url, { ...(origin !== undefined ? { origin } : {}), headers: rest })
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close()
      resolve('open')
    })
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      socket.terminate()
    })
    socket.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error)
    })
  })
}

/** A GET with exactly the headers given (Host included), as any HTTP client can send it. */
function get(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, method: 'GET' }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
    })
    req.once('error', reject)
    req.end()
  })
}

function getInfo(url: string, origin: string): Promise<unknown> {
  const socket = new WebSocket(url, { origin })
  return new Promise((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ id: 1, call: 'getInfo', args: [] })))
    socket.once('message', (data) => {
      socket.close()
      resolve(JSON.parse(String(data)))
    })
    socket.once('error', reject)
  })
}

const noToken = () => serve.apiUrl.replace(/\?token=.*$/, '')

describe('nicbench serve refuses what is not its own page', () => {
  it('a WebSocket from a foreign Origin → 403', async () => {
    await expect(upgrade(serve.apiUrl, { origin: 'http://evil.example' })).resolves.toBe(403)
    await expect(upgrade(serve.apiUrl, { origin: `http://127.0.0.1:${port + 1}` })).resolves.toBe(403)
    await expect(upgrade(serve.apiUrl, { origin: 'null' })).resolves.toBe(403)
  })

  it('a WebSocket with no Origin → 403 (browsers always send one)', async () => {
    await expect(upgrade(serve.apiUrl, {})).resolves.toBe(403)
  })

  it('a foreign Host (DNS rebinding: evil.example resolving to 127.0.0.1) → 403, for the socket and for pages', async () => {
    const host = `evil.example:${port}`
    await expect(upgrade(serve.apiUrl, { origin: `http://${host}`, host })).resolves.toBe(403)
    await expect(get(`/?token=${serve.token}`, { host })).resolves.toMatchObject({ status: 403 })
  })

  it('no token or a wrong one → 403', async () => {
    await expect(upgrade(noToken(), { origin: serve.origin })).resolves.toBe(403)
    await expect(upgrade(`${noToken()}?token=${'A'.repeat(43)}`, { origin: serve.origin })).resolves.toBe(403)
    await expect(upgrade(`${noToken()}?token=`, { origin: serve.origin })).resolves.toBe(403)
    const host = `127.0.0.1:${port}`
    await expect(get('/', { host })).resolves.toMatchObject({ status: 403 })
    await expect(get('/index.html?token=nope', { host })).resolves.toMatchObject({ status: 403 })
    await expect(get('/', { host, cookie: `nicbench-token-${port}=nope` })).resolves.toMatchObject({ status: 403 })
  })

  it('logs each refusal on its own line without the token', async () => {
    await upgrade(serve.apiUrl, { origin: 'http://evil.example' })
    await expect
      .poll(() => serve.stderr())
      .toMatch(/refused GET \/api\?token=\*\*\* from [\d.:a-f]+: Origin "http:\/\/evil\.example"/)
    expect(serve.stderr()).not.toContain(serve.token)
  })

  it('still serves its own page: the token in the address sets a cookie that loads the assets', async () => {
    const host = `127.0.0.1:${port}`
    const first = await get(`/?token=${serve.token}`, { host })
    expect(first.status).toBe(200)
    const cookie = String(first.headers['set-cookie']).split(';')[0]!
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
    await expect(get('/index.html', { host, cookie })).resolves.toMatchObject({ status: 200 })
    await expect(get('/', { host: `localhost:${port}`, cookie })).resolves.toMatchObject({ status: 200 })
    await expect(getInfo(serve.apiUrl, serve.origin)).resolves.toMatchObject({ id: 1, result: { host: 'serve' } })
  })

  it('closes a connection that sends a message over the size limit (1009)', async () => {
    const socket = new WebSocket(serve.apiUrl, { origin: serve.origin })
    await new Promise((resolve) => socket.once('open', resolve))
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    socket.send(Buffer.alloc(41 * 1024 * 1024, 0x20), { binary: false })
    await expect(closed).resolves.toBe(1009)
    await expect(getInfo(serve.apiUrl, serve.origin)).resolves.toMatchObject({ result: { host: 'serve' } })
  })
})

describe('nicbench serve starts only where it was told, with one line when it cannot', () => {
  const serveCli = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'serve', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 })

  it('a port in use → exit 2 and one line', () => {
    const result = serveCli('--port', String(port))
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split('\n')).toEqual([
      `nicbench: --port: 127.0.0.1:${port} is already in use (pick another with --port, or 0 for a free one)`,
    ])
  })

  it('an address other machines can reach needs --allow-remote', () => {
    const result = serveCli('--host', '0.0.0.0', '--port', '0')
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(
      'nicbench: --host: 0.0.0.0 can be reached from other machines; add --allow-remote to serve there anyway\n',
    )
  })

  it('with --allow-remote it serves there and warns', async () => {
    const remote = await startServe(['--host', '0.0.0.0', '--allow-remote'])
    try {
      expect(remote.stderr()).toMatch(/warning: 0\.0\.0\.0 can be reached from other machines/)
      await expect(getInfo(remote.apiUrl, remote.origin)).resolves.toMatchObject({ result: { host: 'serve' } })
    } finally {
      await remote.stop()
    }
  })
})
