// The serve host's end of WorkbenchApi: JSON text messages over the WebSocket at /api, each validated on arrival.
//
// Wire protocol (one JSON object per text message):
//   request   client → host  { "id": <integer ≥ 0>, "call": <WorkbenchCall>, "args": [ ...arguments in order ] }
//   response  host → client  { "id": <the request's id>, "result": <the call's result; null for void> }
//                         or { "id": <the request's id>, "error": "<reason>" }
//                         or { "id": -1, "error": "<reason>" } when the message is not JSON or not a request
//   push      host → client  { "channel": "stats", "data": RunStats }  at STATS_HZ while a run exists (the latest
//                            statistics are pushed once on connection when a run exists)
// Calls and their arguments are WorkbenchApi's (core/api/workbench-api.ts): e.g.
//   { "id": 3, "call": "startRun", "args": [{ "fileName": "driver.ts", "scriptText": "...", "scenarioText": "",
//     "seed": 1, "verifier": "standard", "speed": "fast" }] }  →  { "id": 3, "result": { "ok": true } }
//   { "id": 4, "call": "getPacket", "args": [2147549200] }      →  { "id": 4, "result": PacketDetail | null }
// Responses may come out of order; match them by id. onStats is not a call: subscribe by listening for pushes.
import { z } from 'zod'
import type { WebSocket } from 'ws'
import { STATS_CHANNEL, WORKBENCH_CALLS, type WorkbenchApi } from '../../core/api/workbench-api'
import { callWorkbench } from '../engine/session-api'

const Request = z.object({
  id: z.number().int().nonnegative(),
  call: z.enum(WORKBENCH_CALLS),
  args: z.array(z.unknown()).max(8).default([]),
})

/** Largest message accepted (a script and a scenario of the largest allowed size, with JSON escaping). */
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024

export function serveApiOn(socket: WebSocket, api: WorkbenchApi): void {
  const send = (message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }
  const unsubscribe = api.onStats((data) => send({ channel: STATS_CHANNEL, data }))
  socket.on('close', unsubscribe)
  socket.on('error', unsubscribe)
  socket.on('message', (data, isBinary) => {
    if (isBinary) return send({ id: -1, error: 'binary messages are not part of the API' })
    let parsed: unknown
    try {
      parsed = JSON.parse(String(data))
    } catch {
      return send({ id: -1, error: 'message is not JSON' })
    }
    const request = Request.safeParse(parsed)
    if (!request.success) {
      const issue = request.error.issues[0]
      return send({ id: -1, error: `invalid request at ${issue?.path.join('.') || '(root)'}: ${issue?.message}` })
    }
    const { id, call, args } = request.data
    callWorkbench(api, call, args).then(
      (result) => send({ id, result }),
      (error: unknown) => send({ id, error: error instanceof Error ? error.message : String(error) }),
    )
  })
}
