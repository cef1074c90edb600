// Rules of the receive/send path the NDIS 5 references leave to the emulator (numbered on from the workbench's own).
import { defineRule, EMULATOR_CODE } from '../verifier/rule'

export const R49 = defineRule({
  id: 'R49',
  title: 'Receive packets indicated without MiniportReturnPacket',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1031', 'packet', 'packet array', '0'],
  level: 'standard',
  explanation:
    'A miniport that indicates packets with Status SUCCESS lends them to the protocols: register ReturnPacketHandler so they can come back, or indicate with NDIS_STATUS_RESOURCES.',
  reference: '§1.7 MiniportReturnPacket [MSDN-ff550510]; §3.2',
  checkedBy: ['NdisMIndicateReceivePacket'],
})

export const R50 = defineRule({
  id: 'R50',
  title: 'MiniportHalt returns with sends not completed',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1032', 'first packet', 'sends outstanding', '0'],
  level: 'standard',
  explanation:
    'Every send the miniport pended (or, deserialized, every send it was given) must be completed with NdisMSendComplete before MiniportHalt returns.',
  reference: '§1.7 NdisMSendComplete [CE-ms892746]; §1.10 MiniportHalt',
  checkedBy: ['MiniportHalt'],
})
