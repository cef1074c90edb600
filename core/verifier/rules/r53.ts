// NDIS times out requests it holds queued to the miniport after twice the CheckForHang interval (4 s by default)
// unless NDIS_ATTRIBUTE_IGNORE_REQUEST_TIMEOUT [CE-ms892749 NdisMSetAttributesEx]; Driver Verifier's
// NdisTimedOidComplete (ndis5.md §4, last paragraph). Judged in virtual time.
import { defineRule } from '../rule'

export const R53 = defineRule({
  id: 'R53',
  title: 'A pended OID request not completed within NDIS’s time-out',
  severity: 'error',
  stops: false,
  class: 'requests',
  level: 'standard',
  emulatorParams: ['OID', 'time-out (ms)', '0 timed out, 1 still pending when MiniportHalt ran'],
  explanation:
    'Complete every request you pend within two CheckForHang intervals; NDIS resets the miniport otherwise, and halts it with the request lost.',
  reference: 'NdisMSetAttributesEx [CE-ms892749]; NdisTimedOidComplete [WDD:devtest/ndis-wifi-verification]',
})
