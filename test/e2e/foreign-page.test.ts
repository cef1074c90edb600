// A page from another site, opened in the real Chromium while `nicbench serve` runs, cannot drive the workbench: its
// WebSocket to the serve host is refused even when it knows the token, and without the token it cannot even load the
// UI's page into a frame or read it.
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
let browser: Browser
let foreign: Server
let foreignUrl = ''

// What a hostile page would do: open the API socket and start a run of its own script.
const ATTACK = (apiUrl: string) => `<!doctype html><title>waiting</title><script>
  const socket = new WebSocket(${JSON.stringify(apiUrl)})
  socket.onopen = () => {
    socket.send(JSON.stringify({ id: 1, call: 'getInfo', args: [] }))
    document.title = 'opened'
  }
  socket.onerror = () => { document.title = 'refused' }
  fetch(${JSON.stringify(apiUrl.replace('ws:', 'http:').replace('/api', '/'))}, { mode: 'cors' })
    .then(() => { document.body.dataset.read = 'yes' }, () => { document.body.dataset.read = 'no' })
</script>`

beforeAll(async () => {
  serve = await startServe()
  browser = await launchChromium()
  foreign = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html')
    res.end(ATTACK(serve.apiUrl))
  })
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve))
  const address = foreign.address()
  foreignUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
})

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
  await new Promise((resolve) => foreign?.close(resolve))
})

describe('a foreign page in the browser', () => {
  it('cannot open the WebSocket nor read the UI, even knowing the token', async () => {
    const page = await browser.newPage()
    await page.goto(foreignUrl)
    await page.waitForFunction("document.title !== 'waiting' && document.body.dataset.read !== undefined")
    expect(await page.title()).toBe('refused')
    expect(await page.evaluate('document.body.dataset.read')).toBe('no')
    expect(serve.stderr()).toMatch(
      /refused GET \/api\?token=\*\*\* from [\d.:a-f]+: Origin "http:\/\/127\.0\.0\.1:\d+"/,
    )
    await page.close()
  })
})
