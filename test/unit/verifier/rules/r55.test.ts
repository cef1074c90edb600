// The rule's own test: An indication or completion after MiniportHalt
import { describe } from 'vitest'
import { R55 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R55: An indication or completion after MiniportHalt', () => {
  // The unload handler (after the last halt) still completes a request.
  scriptRuleCase(R55, () => ({
    script: miniport({
      functions: `function DriverUnload(DriverObject) {
  NdisMQueryInformationComplete(AdapterHandle, NDIS_STATUS_SUCCESS) // HERE
}`,
    }).replace(
      '  return NdisMRegisterMiniport(',
      '  NdisMRegisterUnloadHandler(Wrapper.value, DriverUnload)\n  return NdisMRegisterMiniport(',
    ),
    params: () => [0x1037, 0, 3, 0],
  }))
  scriptRuleCase(
    R55,
    () => ({
      script: miniport({
        functions: `function DriverUnload(DriverObject) {
  NdisMIndicateStatus(AdapterHandle, NDIS_STATUS_MEDIA_DISCONNECT, NULL, 0) // HERE
}`,
      }).replace(
        '  return NdisMRegisterMiniport(',
        '  NdisMRegisterUnloadHandler(Wrapper.value, DriverUnload)\n  return NdisMRegisterMiniport(',
      ),
      params: () => [0x1037, 0, 4, 0],
    }),
    'a status indication after halt',
  )
})
