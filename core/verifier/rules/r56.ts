// Driver Verifier's NdisTimedDataSend (ndis5.md §4, last paragraph); NDIS times out sends queued to the miniport
// after twice the CheckForHang interval unless NDIS_ATTRIBUTE_IGNORE_PACKET_TIMEOUT [CE-ms892749]. Virtual time.
import { defineRule } from '../rule'

export const R56 = defineRule({
  id: 'R56',
  title: 'A send not completed within NDIS’s time-out',
  severity: 'error',
  stops: false,
  class: 'send',
  level: 'standard',
  emulatorParams: ['packet', 'time-out (ms)', 'sends outstanding'],
  explanation:
    'Complete every pended send with NdisMSendComplete within two CheckForHang intervals; NDIS resets the miniport otherwise.',
  reference: 'NdisMSetAttributesEx [CE-ms892749]; NdisTimedDataSend [WDD:devtest/ndis-wifi-verification]',
})
