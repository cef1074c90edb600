// A replay scenario runs in the workbench: its capture is the one the author picked (sent with the start request) or
// the example capture of that name; a capture that is neither is a located problem of the scenario, not a refusal.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { StartRunRequest } from '../../../core/api/workbench-api'
import { StartRunRequestSchema } from '../../../core/api/engine-protocol'
import { listExampleFiles, prepareRun } from '../../../main/engine/session-inputs'
import { STARTER_MINIPORT } from '../../../renderer/src/monaco/starter'

const EXAMPLES = join(__dirname, '../../../examples')
const DNS = readFileSync(join(EXAMPLES, 'captures', 'dns_udp.pcap'))

function request(scenarioText: string, capture?: StartRunRequest['capture']): StartRunRequest {
  return {
    fileName: 'miniport.ts',
    scriptText: STARTER_MINIPORT,
    scenarioText,
    seed: 1,
    verifier: 'standard',
    speed: 'fast',
    ...(capture ? { capture } : {}),
  }
}

const replayOf = (file: string) =>
  JSON.stringify({ name: 'r', duration: '5ms', wire: { kind: 'replay', file, speed: 1000 } }, null, 2)

describe('replay in the workbench', () => {
  it('plays the example capture a shipped replay scenario names', () => {
    const text = readFileSync(join(EXAMPLES, 'scenarios', 'replay-dns.json'), 'utf8')
    const prepared = prepareRun(request(text))
    if (!('run' in prepared)) throw new Error(JSON.stringify(prepared.diagnostics))
    const replay = prepared.run.config.replay!
    expect(replay.fileName).toBe('dns_udp.pcap')
    expect(replay.frames.length).toBeGreaterThan(0)
    expect([...replay.frames[0]!.data.slice(12, 14)]).toEqual([0x08, 0x00])
  })

  it('plays a capture the author picked, by the name the scenario gives it', () => {
    const capture = { name: 'lab.pcap', base64: DNS.toString('base64') }
    expect(StartRunRequestSchema.safeParse(request(replayOf('lab.pcap'), capture)).success).toBe(true)
    const prepared = prepareRun(request(replayOf('C:\\captures\\lab.pcap'), capture))
    if (!('run' in prepared)) throw new Error(JSON.stringify(prepared.diagnostics))
    expect(prepared.run.config.replay!.frames.length).toBe(2)
  })

  it('a capture neither picked nor shipped is a problem at the scenario line naming it', () => {
    const prepared = prepareRun(request(replayOf('missing.pcap')))
    expect(prepared).toEqual({
      diagnostics: [
        {
          file: 'scenario.json',
          line: 6,
          column: 1,
          severity: 'error',
          message: expect.stringMatching(/^wire\.file: no capture named missing\.pcap is open: pick it with/),
        },
      ],
    })
  })

  it('a picked file that is no capture is a problem naming the byte', () => {
    const prepared = prepareRun(request(replayOf('lab.pcap'), { name: 'lab.pcap', base64: 'bm90IGEgcGNhcA==' }))
    expect('diagnostics' in prepared && prepared.diagnostics[0]!.message).toMatch(/^lab\.pcap: byte \d+: /)
  })

  it('Examples offers each example capture as the replay scenario that plays it', () => {
    const example = listExampleFiles().find((e) => e.name === 'captures/dns_udp.pcap')!
    expect(example.title).toBe('replay of dns_udp.pcap')
    const prepared = prepareRun(request(example.text))
    expect('run' in prepared && prepared.run.config.replay!.fileName).toBe('dns_udp.pcap')
  })
})
