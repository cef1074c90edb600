// `nicbench serve`: the built renderer over HTTP and WorkbenchApi over a WebSocket, on loopback unless told otherwise.
// Every request and WebSocket upgrade passes the launch's guard (serve-security.ts) or is refused with 403 and logged.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import sirv from 'sirv'
import { WebSocketServer } from 'ws'
import { CONTENT_SECURITY_POLICY } from './csp'
import { MAX_MESSAGE_BYTES, serveApiOn } from './api-socket'
import {
  acceptedNames,
  checkRequest,
  isLoopbackAddress,
  isWildcardAddress,
  refusalLine,
  serveGuard,
  tokenCookie,
  urlHost,
  type ServeGuard,
} from './serve-security'
import { productVersion } from '../paths'
import { Session, type SessionOptions } from '../engine/session'
import { sessionApi } from '../engine/session-api'

export interface ServeOptions {
  host: string
  port: number
  rendererDir: string
  /** Binding to an address other machines can reach needs this, said out loud (`--allow-remote`). */
  allowRemote?: boolean
  /** The launch token (default: a fresh random one). */
  token?: string
  /** Where refused requests are logged (default: stderr). */
  log?: (line: string) => void
  /** The engine's limits (defaults: engine-protocol.ts, 3 s and 256 MiB) and where its bundle is. */
  session?: SessionOptions
}

export interface RunningServer {
  /** The address to open, with the launch token. */
  url: string
  token: string
  close(): Promise<void>
}

/** Why the server could not start; the CLI prints it as one line (exit 2). */
export class ServeStartError extends Error {
  override readonly name = 'ServeStartError'
}

/** WebSocket connections at once; more are refused (each tab needs one). */
const MAX_CONNECTIONS = 32

function refuse(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(text)
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  socket.destroy()
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): ServeStartError {
  const where = `${urlHost(host)}:${port}`
  switch (error.code) {
    case 'EADDRINUSE':
      return new ServeStartError(`--port: ${where} is already in use (pick another with --port, or 0 for a free one)`)
    case 'EACCES':
      return new ServeStartError(`--port: not allowed to listen on ${where}`)
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ServeStartError(`--host: ${host} is not an address of this machine`)
    default:
      return new ServeStartError(`cannot listen on ${where}: ${error.code ?? error.message}`)
  }
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new ServeStartError(`the UI is not built (${options.rendererDir}/index.html is missing): run npm run build`)
  }
  if (!isLoopbackAddress(options.host) && options.allowRemote !== true) {
    throw new ServeStartError(
      `--host: ${options.host} can be reached from other machines; add --allow-remote to serve there anyway`,
    )
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`nicbench serve: ${line}\n`))
  let guard: ServeGuard | null = null
  const assets = sirv(options.rendererDir, { dev: false, etag: true, gzip: false, brotli: false, single: false })
  const server: Server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp')
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
    res.setHeader('Referrer-Policy', 'no-referrer')
    const verdict = guard ? checkRequest(req, guard, false) : { ok: false as const, reason: 'not ready' }
    if (!verdict.ok) {
      log(refusalLine(req, verdict.reason))
      return refuse(res, 403, 'forbidden: open the address that nicbench serve printed (it carries the token)\n')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed\n')
    if (verdict.tokenFrom === 'query') res.setHeader('Set-Cookie', tokenCookie(guard!))
    assets(req, res, () => refuse(res, 404, 'not found\n'))
  })
  // Bounded headers and a bound on requests that never finish sending them.
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const path = new URL(req.url ?? '/', 'http://request.invalid').pathname
    const verdict = guard ? checkRequest(req, guard, true) : { ok: false as const, reason: 'not ready' }
    if (!verdict.ok) {
      log(refusalLine(req, verdict.reason))
      return refuseUpgrade(socket, 403, 'Forbidden')
    }
    if (path !== '/api') return refuseUpgrade(socket, 404, 'Not Found')
    if (sockets.clients.size >= MAX_CONNECTIONS) return refuseUpgrade(socket, 503, 'Service Unavailable')
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req))
  })
  // One run for the whole host: every browser tab connected sees and drives the same run.
  const session = new Session(options.session)
  const api = sessionApi(session, () => ({
    version: productVersion(),
    host: 'serve',
    versions: { node: process.versions.node, v8: process.versions.v8 },
  }))
  sockets.on('connection', (socket) => serveApiOn(socket, api))
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port, options.host, () => resolve())
    })
  } catch (error) {
    void session.dispose()
    throw listenError(error as NodeJS.ErrnoException, options.host, options.port)
  }
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  guard = serveGuard(acceptedNames(options.host), port, options.token)
  // On every interface the machine's own loopback address is the one that surely reaches it from here.
  const shownHost = isWildcardAddress(options.host) ? '127.0.0.1' : urlHost(options.host)
  return {
    url: `http://${shownHost}:${port}/?token=${guard.token}`,
    token: guard.token,
    close: () =>
      new Promise<void>((resolve) => {
        void session.dispose()
        for (const client of sockets.clients) client.terminate()
        sockets.close()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
