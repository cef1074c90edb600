// The rule's own test: MiniportHalt returns with sends not completed
import { describe } from 'vitest'
import { ndisRuntime } from '../../../../core/ndis/instance'
import { R46 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R46: MiniportHalt returns with sends not completed', () => {
  scriptRuleCase(R46, () => ({
    script: miniport({
      attributes: 'NDIS_ATTRIBUTE_DESERIALIZE | NDIS_ATTRIBUTE_BUS_MASTER',
      // A deserialized miniport that keeps every packet and never calls NdisMSendComplete.
      functions: 'function MiniportSendPackets(Context, PacketArray, NumberOfPackets) {}',
      characteristics: 'SendPacketsHandler: MiniportSendPackets,',
    }),
    scenario: { protocol: { send: { rateFps: 1000, packets: 4 } } },
    marker: 'function MiniportHalt',
    params: (run) => {
      const protocolPool = ndisRuntime(run.kernel).packetPoolHistory.find((p) => p.createdSite === 0)!
      return [0x102e, protocolPool.first, 4, 0]
    },
  }))
})
