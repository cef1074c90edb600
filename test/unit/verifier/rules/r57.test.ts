// The rule's own test: A lookahead shorter than OID_GEN_CURRENT_LOOKAHEAD, or longer than the frame
import { describe } from 'vitest'
import { R57 } from '../../../../core/verifier/catalogue'
import { scriptRuleCase } from './script-case'
import { lookaheadMiniport } from './lookahead-case'

describe('R57: A lookahead shorter than OID_GEN_CURRENT_LOOKAHEAD, or longer than the frame', () => {
  // The protocol set a 128-byte lookahead; the driver indicates 8 of the frame's 46 bytes after the header.
  scriptRuleCase(R57, () => ({
    script: lookaheadMiniport(
      'NdisMEthIndicateReceive(AdapterHandle, Frame, Frame, 14, Frame + 14, 8, 46) // HERE',
      '  BytesTransferred.value = 0\n  return NDIS_STATUS_SUCCESS',
    ),
    params: () => [0x1039, 8, 46, 128],
  }))
})
