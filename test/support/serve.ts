// Starts the real `nicbench serve` (the built CLI) as a child process on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')
export const CLI = join(ROOT, 'bin', 'nicbench.js')

export interface ServeProcess {
  url: string
  child: ChildProcess
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
        resolve({
          url: match[1]!,
          child,
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
