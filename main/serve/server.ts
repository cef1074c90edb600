// `nicbench serve`: the built renderer over HTTP and WorkbenchApi over a WebSocket, on loopback unless told otherwise.
import { createServer, type Server } from 'node:http'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import sirv from 'sirv'
import { WebSocketServer } from 'ws'
import { CONTENT_SECURITY_POLICY } from './csp'
import { MAX_MESSAGE_BYTES, serveApiOn } from './api-socket'
import { productVersion } from '../paths'
import { Session, type SessionOptions } from '../engine/session'
import { sessionApi } from '../engine/session-api'

export interface ServeOptions {
  host: string
  port: number
  rendererDir: string
  /** The engine's limits (defaults: engine-protocol.ts, 3 s and 256 MiB) and where its bundle is. */
  session?: SessionOptions
}

export interface RunningServer {
  url: string
  close(): Promise<void>
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new Error(`the UI is not built (${options.rendererDir}/index.html is missing): run npm run build`)
  }
  const assets = sirv(options.rendererDir, { dev: false, etag: true, gzip: false, brotli: false, single: false })
  const server: Server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp')
    assets(req, res, () => {
      res.statusCode = 404
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.end('not found\n')
    })
  })
  const sockets = new WebSocketServer({ server, path: '/api', maxPayload: MAX_MESSAGE_BYTES })
  // One run for the whole host: every browser tab connected sees and drives the same run.
  const session = new Session(options.session)
  const api = sessionApi(session, () => ({
    version: productVersion(),
    host: 'serve',
    versions: { node: process.versions.node, v8: process.versions.v8 },
  }))
  sockets.on('connection', (socket) => serveApiOn(socket, api))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    url: `http://${shownHost}:${port}/`,
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
