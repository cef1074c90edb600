// The rule's own test: NdisMTransferDataComplete for a transfer that was not pended
import { describe, expect, it } from 'vitest'
import { R58 } from '../../../../core/verifier/catalogue'
import { scriptRuleCase } from './script-case'
import { lookaheadMiniport } from './lookahead-case'
import { runOf } from './rule-case'

// The frame's 46 bytes after the header, 16 of them in the lookahead (the protocol's): it asks for all of them.
const INDICATE = 'NdisMEthIndicateReceive(AdapterHandle, Frame, Frame, 14, Frame + 14, 16, 46)'
const SCENARIO = { protocol: { binding: { lookahead: 16 } } }
const COPY = `  NdisQueryPacket(Packet, null, null, Cell, null)
  const Va = { value: NULL }
  NdisQueryBuffer(Cell.value, Va, { value: 0 })
  NdisMoveMemory(Va.value, ReceiveContext + 14 + ByteOffset, BytesToTransfer)`

describe('R58: NdisMTransferDataComplete for a transfer that was not pended', () => {
  // The transfer completed at once (SUCCESS), then the driver completes it again.
  scriptRuleCase(R58, () => ({
    script: lookaheadMiniport(
      INDICATE,
      COPY +
        '\n  BytesTransferred.value = BytesToTransfer\n  Pended = Packet\n  NdisMTransferDataComplete(AdapterHandle, Packet, NDIS_STATUS_SUCCESS, BytesToTransfer) // HERE\n  return NDIS_STATUS_SUCCESS',
    ).replace('let Pended = NULL', 'let Pended = NULL\nconst Cell = { value: NULL }'),
    scenario: SCENARIO,
    params: (run) => [0x103a, run.kernel.verifier.findings.find((f) => f.rule === 'R58')!.params[1], 0, 0],
  }))

  it('a transfer that pends ends at NdisMTransferDataComplete, and the protocol gets the whole frame', () => {
    const script = lookaheadMiniport(
      INDICATE,
      COPY + '\n  Pended = Packet\n  NdisMSetTimer(Later, 1)\n  return NDIS_STATUS_PENDING',
      'function Complete(S1, Context, S2, S3) {\n  NdisMTransferDataComplete(AdapterHandle, Pended, NDIS_STATUS_SUCCESS, 46)\n}',
    )
      .replace(
        'let Pended = NULL',
        'let Pended = NULL\nconst Cell = { value: NULL }\nconst Later = new NDIS_MINIPORT_TIMER()',
      )
      .replace(
        '  NdisMSetTimer(Timer, 1)',
        '  NdisMSetTimer(Timer, 1)\n  NdisMInitializeTimer(Later, MiniportAdapterHandle, Complete, NULL)',
      )
    const { run } = runOf(script, { scenario: SCENARIO })
    const s = run.protocol.stats
    expect(run.kernel.verifier.findings).toEqual([])
    expect(s).toMatchObject({ lookaheadIndicated: 1, transferred: 1, transferFailed: 0, receiveCompletes: 1 })
    expect(s.bytes).toBe(60)
  })
})
