// Electron's security checklist, the parts that live outside the window options (main/window/options.ts):
// navigation and new windows denied, <webview> refused, permission requests denied, the CSP sent with every response,
// and IPC accepted only from the app's own pages. Electron objects are passed in.
import type { App, Session, WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../serve/csp'

/**
 * Is `url` one of the app's own pages? The built UI is loaded from a file; in development from the dev server, whose
 * origin must match exactly (a prefix test would also accept http://localhost:51730 or localhost:5173.example.com).
 */
export function isAppUrl(url: string, rendererFileUrl: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'file:') {
    const page = new URL(rendererFileUrl)
    return parsed.pathname === page.pathname
  }
  if (!devServerUrl) return false
  try {
    return parsed.origin === new URL(devServerUrl).origin
  } catch {
    return false
  }
}

/** The IPC sender check: the frame must exist and show one of the app's pages. */
export function isTrustedSender(
  senderFrame: { url: string } | null | undefined,
  rendererFileUrl: string,
  devServerUrl?: string,
): boolean {
  return !!senderFrame && isAppUrl(senderFrame.url, rendererFileUrl, devServerUrl)
}

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>
}

/** Denies every permission (camera, notifications, …) and adds the CSP header to every response of the session. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
}

type ContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/** Every web contents the app creates: no navigation away from the page, no new windows, no <webview>. */
export function hardenContents(contents: ContentsLike): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export function hardenApp(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))
}
