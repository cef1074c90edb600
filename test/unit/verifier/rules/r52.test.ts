// The rule's own test: A pended request completed with the other completion call
import { describe, expect, it } from 'vitest'
import { R52 } from '../../../../core/verifier/catalogue'
import { OID_VALUES } from '../../../../core/miniport/constants'
import { miniport, requestHandlers, scriptRuleCase } from './script-case'
import { runOf } from './rule-case'

// The first query pends; a timer completes it 1 ms later, but as a set.
const script = (complete: string) => {
  const h = requestHandlers(`  if (Oid === OID_GEN_SUPPORTED_LIST) return NDIS_STATUS_PENDING`)
  return miniport({
    globals: 'const Timer = new NDIS_MINIPORT_TIMER()',
    init: '  NdisMInitializeTimer(Timer, MiniportAdapterHandle, Late, NULL)\n  NdisMSetTimer(Timer, 1)',
    functions:
      h.functions +
      `
function Late(S1, Context, S2, S3) {
  ${complete} // HERE
}`,
    characteristics: h.characteristics,
  })
}

describe('R52: A pended request completed with the other completion call', () => {
  scriptRuleCase(R52, () => ({
    script: script('NdisMSetInformationComplete(AdapterHandle, NDIS_STATUS_NOT_SUPPORTED)'),
    params: () => [0x1034, OID_VALUES.OID_GEN_SUPPORTED_LIST, 0xc00000bb, 1],
  }))

  it('completed with the right call, the pended query ends and the binding goes on', () => {
    const { run } = runOf(script('NdisMQueryInformationComplete(AdapterHandle, NDIS_STATUS_NOT_SUPPORTED)'))
    expect(run.kernel.verifier.findings).toEqual([])
    expect(run.requests.log[0]).toMatchObject({
      oid: 'OID_GEN_SUPPORTED_LIST',
      status: 'NDIS_STATUS_NOT_SUPPORTED',
      pended: true,
    })
    expect(run.requests.log[0]!.timeNs).toBe(1_000_000)
    expect(run.protocol.binding.state).toBe('bound')
    expect(run.protocol.binding.skipped).toContain('OID_GEN_SUPPORTED_LIST')
  })
})
