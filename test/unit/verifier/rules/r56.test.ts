// The rule's own test: A send not completed within NDIS's time-out
import { describe } from 'vitest'
import { ndisRuntime } from '../../../../core/ndis/instance'
import { R56 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R56: A send not completed within NDIS’s time-out', () => {
  scriptRuleCase(R56, () => ({
    script: miniport({
      // CheckForHang every second: NDIS times out a send held for 2 s. The miniport pends every send, never completes.
      functions: `function MiniportSendPackets(Context, PacketArray, NumberOfPackets) {
  for (let i = 0; i < NumberOfPackets; i++) NDIS_SET_PACKET_STATUS(PacketArray[i], NDIS_STATUS_PENDING) // HERE
}`,
      characteristics: 'SendPacketsHandler: MiniportSendPackets,',
    }).replace(
      'NdisMSetAttributesEx(MiniportAdapterHandle, {}, 0,',
      'NdisMSetAttributesEx(MiniportAdapterHandle, {}, 1,',
    ),
    scenario: {
      duration: '2500ms',
      wire: { kind: 'generator', rateFps: 10 },
      protocol: { send: { rateFps: 1000, packets: 4 } },
    },
    params: (run) => {
      const protocolPool = ndisRuntime(run.kernel).packetPoolHistory.find((p) => p.createdSite === 0)!
      // The first send handed down, held since 0 s; four were outstanding.
      return [0x1038, protocolPool.first, 2000, 4]
    },
  }))
})
