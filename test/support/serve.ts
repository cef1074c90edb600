// Starts the real `nicbench serve` (the built CLI) as a child process on a free loopback port, and gives what a
// client of it needs: the printed address with its token, the page's origin and the WebSocket's address.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')
export const CLI = join(ROOT, 'bin', 'nicbench.js')

export interface ServeProcess {
  /** The printed address, with the launch token. */
  url: string
  /** The launch token of the printed address. */
  token: string
  /** The page's origin, as a browser sends it: http://127.0.0.1:port */
  origin: string
  /** The WebSocket of WorkbenchApi with the token, as the UI opens it. */
  apiUrl: string
  child: ChildProcess
  /** What the server wrote to stderr so far (its log of refused requests). */
  stderr(): string
  stop(): Promise<void>
}

export function startServe(extraArgs: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /served at (http:\/\/\S+)/.exec(out)
      if (match) {
        const url = new URL(match[1]!)
        resolve({
          url: match[1]!,
          token: url.searchParams.get('token') ?? '',
          origin: url.origin,
          apiUrl: `ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`,
          child,
          stderr: () => err,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done()
              child.once('exit', () => done())
              child.kill('SIGTERM')
            }),
        })
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`nicbench serve exited with ${code}: ${err}`)))
  })
}
