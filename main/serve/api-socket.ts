// The serve host's end of WorkbenchApi: JSON messages over a WebSocket, each validated on arrival.
import { z } from 'zod'
import type { WebSocket } from 'ws'
import { WORKBENCH_CALLS, type WorkbenchApi } from '../../core/api/workbench-api'

const Request = z.object({
  id: z.number().int().nonnegative(),
  call: z.enum(WORKBENCH_CALLS),
  args: z.array(z.unknown()).max(8).default([]),
})

export function serveApiOn(socket: WebSocket, api: WorkbenchApi): void {
  socket.on('message', (data, isBinary) => {
    if (isBinary) return socket.send(JSON.stringify({ id: -1, error: 'binary messages are not part of the API' }))
    let parsed: unknown
    try {
      parsed = JSON.parse(String(data))
    } catch {
      return socket.send(JSON.stringify({ id: -1, error: 'message is not JSON' }))
    }
    const request = Request.safeParse(parsed)
    if (!request.success) {
      const issue = request.error.issues[0]
      return socket.send(
        JSON.stringify({ id: -1, error: `invalid request at ${issue?.path.join('.') || '(root)'}: ${issue?.message}` }),
      )
    }
    const { id, call } = request.data
    Promise.resolve()
      .then(() => api[call]())
      .then(
        (result) => socket.send(JSON.stringify({ id, result })),
        (error: unknown) =>
          socket.send(JSON.stringify({ id, error: error instanceof Error ? error.message : String(error) })),
      )
  })
}
