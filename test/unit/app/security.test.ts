// Issue "Electron application", security (Electron's security checklist): navigation, redirects, new windows and
// <webview> denied, permission requests denied, the CSP on every response, IPC only from the app's own page.
// Electron itself is the boundary we cannot launch here: the handlers the main process installs are collected from
// objects with Electron's method names and then called the way Electron calls them.
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../main/serve/csp'
import { hardenApp, hardenSession, isAppUrl, isTrustedSender } from '../../../main/app/security'

const PAGE = 'file:///opt/NIC%20Workbench/resources/app.asar/out/renderer/index.html'
const DEV = 'http://localhost:5173/'

describe('sender and URL checks', () => {
  it("accepts the app's own page, from the file or the dev server", () => {
    expect(isAppUrl(`${PAGE}#/pools`, PAGE)).toBe(true)
    expect(isAppUrl('http://localhost:5173/index.html', PAGE, DEV)).toBe(true)
  })

  it.each([
    ['another local file', 'file:///etc/passwd'],
    ['a remote page', 'https://example.com/'],
    ['a look-alike dev server origin', 'http://localhost:51730/'],
    ['a look-alike host', 'http://localhost:5173.example.com/'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url, PAGE, DEV)).toBe(false)
  })

  it('refuses IPC without a sender frame, and from the dev server when none is running', () => {
    expect(isTrustedSender(null, PAGE)).toBe(false)
    expect(isTrustedSender({ url: 'http://localhost:5173/' }, PAGE)).toBe(false)
    expect(isTrustedSender({ url: PAGE }, PAGE)).toBe(true)
  })
})

describe('session hardening', () => {
  it('denies every permission request and check, and sends the CSP with every response', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined
    let check: (() => boolean) | undefined
    let headers:
      ((details: { responseHeaders?: Record<string, string[]> }, callback: (r: unknown) => void) => void) | undefined
    hardenSession({
      setPermissionRequestHandler: (handler) => (request = handler as never),
      setPermissionCheckHandler: (handler) => (check = handler as never),
      webRequest: { onHeadersReceived: ((handler: never) => (headers = handler)) as never },
    })
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined
      request!({}, permission, (answer) => (granted = answer))
      expect(granted).toBe(false)
    }
    expect(check!()).toBe(false)
    let response: { responseHeaders: Record<string, string[]> } | undefined
    headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (response = r as typeof response))
    expect(response!.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
    expect(response!.responseHeaders['Content-Type']).toEqual(['text/html'])
  })

  it('the CSP allows only what Monaco needs (stack.md) and no remote content', () => {
    const allowed: Record<string, string[]> = {
      'style-src': ["'self'", "'unsafe-inline'"],
      'worker-src': ["'self'", 'blob:'],
      'font-src': ["'self'", 'data:'],
      'img-src': ["'self'", 'data:'],
      // the serve host's own WebSocket, loopback only
      'connect-src': ["'self'", 'ws://127.0.0.1:*', 'ws://localhost:*'],
    }
    const directives = CONTENT_SECURITY_POLICY.split(';').map((part) => part.trim().split(/\s+/))
    expect(directives.map(([name]) => name)).toEqual(
      expect.arrayContaining(['default-src', 'script-src', 'object-src']),
    )
    for (const [name, ...sources] of directives) {
      for (const source of sources)
        expect(allowed[name!] ?? ["'self'", "'none'"], `${name} ${source}`).toContain(source)
    }
  })
})

describe('web contents hardening', () => {
  it('blocks navigation, redirects, new windows and <webview> in every web contents the app creates', () => {
    let created: ((event: unknown, contents: unknown) => void) | undefined
    hardenApp({
      on: ((name: string, listener: never) =>
        name === 'web-contents-created' ? (created = listener) : undefined) as never,
    })
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>()
    let openHandler: ((details: { url: string }) => { action: string }) | undefined
    created!(
      {},
      {
        on: (name: string, listener: never) => listeners.set(name, listener),
        setWindowOpenHandler: (handler: never) => (openHandler = handler),
      },
    )
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false
      listeners.get(name)!({ preventDefault: () => (prevented = true) })
      expect(prevented, name).toBe(true)
    }
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })
})
