// WorkbenchApi over the serve host's WebSocket (serve mode in a browser).
import type { WorkbenchApi, WorkbenchCall, WorkbenchInfo } from '../../../core/api/workbench-api'

interface Pending {
  resolve(value: unknown): void
  reject(error: Error): void
}

export function connectSocketApi(url: string): WorkbenchApi {
  let nextId = 1
  const pending = new Map<number, Pending>()
  const socket = new WebSocket(url)
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true })
    socket.addEventListener('error', () => reject(new Error(`cannot reach the workbench host at ${url}`)), {
      once: true,
    })
  })
  socket.addEventListener('message', (event) => {
    let message: { id?: unknown; result?: unknown; error?: unknown }
    try {
      message = JSON.parse(String(event.data))
    } catch {
      return
    }
    if (typeof message.id !== 'number') return
    const waiter = pending.get(message.id)
    if (!waiter) return
    pending.delete(message.id)
    if (typeof message.error === 'string') waiter.reject(new Error(message.error))
    else waiter.resolve(message.result)
  })
  socket.addEventListener('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('the workbench host closed the connection'))
    pending.clear()
  })

  async function call<T>(name: WorkbenchCall, ...args: unknown[]): Promise<T> {
    await opened
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      socket.send(JSON.stringify({ id, call: name, args }))
    })
  }

  return {
    getInfo: () => call<WorkbenchInfo>('getInfo'),
  }
}
