// Who may talk to `nicbench serve`. A run executes the script it is given, so any page the user visits while serve
// mode runs must not be able to start one. Three checks, in the manner of notebook servers:
// - Host: the request names the address the server printed (a DNS-rebinding page names its own host name);
// - Origin: a WebSocket (and any request that carries an Origin) comes from that same address;
// - token: a random secret per launch, carried by the printed URL (`?token=`); the first tokened page load sets it
//   as a cookie for the page's own assets, and the UI passes it to the WebSocket in its URL.
// A foreign page can still make the browser *load* our static files (<img>, <script> from 127.0.0.1), which is
// harmless; it cannot read them, and it cannot open the WebSocket.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { networkInterfaces } from 'node:os'

export interface ServeGuard {
  /** The launch's secret (base64url, 256 bits). */
  readonly token: string
  /** Name of the cookie that carries the token (per port: cookies do not tell ports apart). */
  readonly cookieName: string
  /** `host:port` values a request may name. */
  readonly hosts: ReadonlySet<string>
  /** Origins a WebSocket (or a request that sends one) may come from. */
  readonly origins: ReadonlySet<string>
}

export type GuardVerdict = { ok: true; tokenFrom: 'query' | 'cookie' } | { ok: false; reason: string }

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

/** Addresses that only this machine can reach. */
export function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** An address as it appears in a URL (IPv6 in brackets). */
export function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}

export function newLaunchToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Addresses that mean "every interface of this machine". */
export function isWildcardAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]'
}

/**
 * Host names a request to a server bound to `boundHost` may use: on loopback the machine's names of loopback too
 * (a user may type localhost); on a wildcard address those and every address of this machine's interfaces; on
 * another address only that address.
 */
export function acceptedNames(boundHost: string): string[] {
  if (isLoopbackAddress(boundHost)) return [urlHost(boundHost), ...LOOPBACK_NAMES]
  if (!isWildcardAddress(boundHost)) return [urlHost(boundHost)]
  const names = [urlHost(boundHost), ...LOOPBACK_NAMES]
  for (const list of Object.values(networkInterfaces())) {
    for (const itf of list ?? []) names.push(urlHost(itf.address.replace(/%.*$/, '')))
  }
  return names
}

/** The guard for a server that answers to `names` on `port`. */
export function serveGuard(names: readonly string[], port: number, token = newLaunchToken()): ServeGuard {
  const hosts = new Set(names.map((n) => `${n}:${port}`.toLowerCase()))
  const origins = new Set([...hosts].map((h) => `http://${h}`))
  return { token, cookieName: `nicbench-token-${port}`, hosts, origins }
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}

/** The token a request carries: `?token=` in its URL, else the launch cookie. */
function tokenOf(req: IncomingMessage, guard: ServeGuard): { value: string; from: 'query' | 'cookie' } | null {
  const query = new URL(req.url ?? '/', 'http://request.invalid').searchParams.get('token')
  if (query !== null) return { value: query, from: 'query' }
  const cookie = cookieValue(req.headers.cookie, guard.cookieName)
  return cookie !== null ? { value: cookie, from: 'cookie' } : null
}

/**
 * Checks one HTTP request or WebSocket upgrade. A WebSocket must carry an Origin (every browser sends one); a plain
 * request may omit it (a browser's own navigation does), but not send a foreign one.
 */
export function checkRequest(req: IncomingMessage, guard: ServeGuard, webSocket: boolean): GuardVerdict {
  const host = (req.headers.host ?? '').toLowerCase()
  if (!guard.hosts.has(host)) return { ok: false, reason: `Host "${host}" is not this server's address` }
  const origin = req.headers.origin
  if (origin === undefined) {
    if (webSocket) return { ok: false, reason: 'a WebSocket without an Origin' }
  } else if (!guard.origins.has(origin.toLowerCase())) {
    return { ok: false, reason: `Origin "${origin}" is not this server's page` }
  }
  const token = tokenOf(req, guard)
  if (token === null) return { ok: false, reason: 'no token (open the address nicbench serve printed)' }
  if (!sameSecret(token.value, guard.token)) return { ok: false, reason: 'a wrong token' }
  return { ok: true, tokenFrom: token.from }
}

/** The Set-Cookie value that lets the page load its own assets after a tokened first request. */
export function tokenCookie(guard: ServeGuard): string {
  return `${guard.cookieName}=${guard.token}; Path=/; HttpOnly; SameSite=Strict`
}

/** One line for the server's log naming a refused request (printable characters only, bounded). */
export function refusalLine(req: IncomingMessage, reason: string): string {
  const clean = (text: string) => text.replace(/[^\x20-\x7e]/g, '?').slice(0, 200)
  const path = (req.url ?? '').replace(/([?&]token=)[^&]*/g, '$1***')
  return clean(`refused ${req.method ?? '?'} ${path} from ${req.socket.remoteAddress ?? '?'}: ${reason}`)
}
