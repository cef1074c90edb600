// ../shared/reference/ndis5.md §1.2, §1.8; §4 R10
import { defineRule } from '../rule'

export const R10 = defineRule({
  id: 'R10',
  title: 'NdisDpr* call at an IRQL other than DISPATCH_LEVEL',
  severity: 'error',
  stops: true,
  code: 0xc4,
  windowsCode: true,
  params: ['0x40 acquire / 0x41 release', 'current IRQL', 'spin lock (pool handle for packet calls)', '0'],
  level: 'standard',
  explanation:
    'NdisDprAllocatePacket, NdisDprFreePacket and NdisDprAcquire/ReleaseSpinLock run only at DISPATCH_LEVEL; use the non-Dpr form elsewhere.',
  reference: '§1.2, §1.8; §4 R10 [MSDN-ff551932; WDK-h]',
  checkedBy: ['NdisDprAllocatePacket', 'NdisDprFreePacket', 'NdisDprAcquireSpinLock', 'NdisDprReleaseSpinLock'],
})
