/** LINKTYPE_ETHERNET: the only link type the workbench's wire carries (IEEE 802.3 frames). */
export const LINKTYPE_ETHERNET = 1

// Names from the tcpdump.org LINKTYPE registry, for messages that refuse a capture.
const NAMES: Record<number, string> = {
  0: 'NULL (BSD loopback)',
  1: 'ETHERNET',
  6: 'IEEE802_5 (Token Ring)',
  8: 'SLIP',
  9: 'PPP',
  10: 'FDDI',
  50: 'PPP_HDLC',
  51: 'PPP_ETHER',
  101: 'RAW (IP)',
  104: 'C_HDLC (Cisco HDLC)',
  105: 'IEEE802_11 (Wi-Fi)',
  108: 'LOOP (OpenBSD loopback)',
  113: 'LINUX_SLL (Linux cooked)',
  119: 'IEEE802_11_PRISM',
  127: 'IEEE802_11_RADIOTAP',
  147: 'USER0',
  187: 'BLUETOOTH_HCI_H4',
  189: 'USB_LINUX',
  195: 'IEEE802_15_4',
  220: 'USB_LINUX_MMAPPED',
  228: 'IPV4',
  229: 'IPV6',
  249: 'NETLINK',
  252: 'WIRESHARK_UPPER_PDU',
  276: 'LINUX_SLL2 (Linux cooked v2)',
}

export function linkTypeName(linkType: number): string {
  return NAMES[linkType] ?? 'unknown'
}
