// WorkbenchApi over the serve host's WebSocket (serve mode in a browser). Message shapes (main/serve/api-socket.ts):
// request {id, call, args[]} → response {id, result} | {id, error}; push {channel: 'stats', data: RunStats}.
import {
  STATS_CHANNEL,
  WORKBENCH_CALLS,
  type RunStats,
  type WorkbenchApi,
  type WorkbenchCall,
} from '../../../core/api/workbench-api'

interface Pending {
  resolve(value: unknown): void
  reject(error: Error): void
}

type Calls = Omit<WorkbenchApi, 'onStats'>

/** Dispatches one incoming message to its waiter or to the stats listeners; ignores anything malformed. */
export function routeMessage(
  raw: string,
  pending: Map<number, Pending>,
  statsListeners: Set<(stats: RunStats) => void>,
): void {
  let message: { id?: unknown; result?: unknown; error?: unknown; channel?: unknown; data?: unknown }
  try {
    message = JSON.parse(raw)
  } catch {
    return
  }
  if (message === null || typeof message !== 'object') return
  if (message.channel === STATS_CHANNEL && message.data && typeof message.data === 'object') {
    for (const listener of statsListeners) listener(message.data as RunStats)
    return
  }
  if (typeof message.id !== 'number') return
  const waiter = pending.get(message.id)
  if (!waiter) return
  pending.delete(message.id)
  if (typeof message.error === 'string') waiter.reject(new Error(message.error))
  else waiter.resolve(message.result)
}

/**
 * The serve host's WebSocket for the page at `page`: same host, path /api, and the launch token that `nicbench serve`
 * printed in the page's address (`?token=` or `#token=`); the host refuses a WebSocket without it.
 */
export function socketApiUrl(page: Pick<Location, 'protocol' | 'host' | 'search' | 'hash'>): string {
  const token =
    new URLSearchParams(page.search).get('token') ?? new URLSearchParams(page.hash.replace(/^#/, '')).get('token')
  const base = `${page.protocol === 'https:' ? 'wss' : 'ws'}://${page.host}/api`
  return token === null ? base : `${base}?token=${encodeURIComponent(token)}`
}

export function connectSocketApi(url: string): WorkbenchApi {
  let nextId = 1
  const pending = new Map<number, Pending>()
  const statsListeners = new Set<(stats: RunStats) => void>()
  const socket = new WebSocket(url)
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true })
    socket.addEventListener('error', () => reject(new Error(`cannot reach the workbench host at ${url}`)), {
      once: true,
    })
  })
  socket.addEventListener('message', (event) => routeMessage(String(event.data), pending, statsListeners))
  socket.addEventListener('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('the workbench host closed the connection'))
    pending.clear()
  })

  async function call(name: WorkbenchCall, args: unknown[]): Promise<unknown> {
    await opened
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      socket.send(JSON.stringify({ id, call: name, args }))
    })
  }

  const calls = {} as Record<WorkbenchCall, (...args: unknown[]) => Promise<unknown>>
  for (const name of WORKBENCH_CALLS) calls[name] = (...args: unknown[]) => call(name, args)
  return {
    ...(calls as unknown as Calls),
    onStats(listener) {
      statsListeners.add(listener)
      return () => statsListeners.delete(listener)
    },
  }
}
