// Descriptor layouts (controller.md §4): 16 bytes, little-endian, the e1000 "legacy" shape.

export const DESCRIPTOR_SIZE = 16

// Receive descriptor (controller.md §4.1)
export const RXD_BUFFER_ADDRESS = 0 // u32 physical address of the buffer
export const RXD_BUFFER_ADDRESS_HIGH = 4 // u32, must be 0 on this 32-bit platform
export const RXD_LENGTH = 8 // u16 bytes written into this buffer (device writes)
export const RXD_CHECKSUM = 10 // u16 reserved, device writes 0
export const RXD_STATUS = 12 // u8
export const RXD_ERRORS = 13 // u8
export const RXD_SPECIAL = 14 // u16 reserved, device writes 0

export const RXD_STATUS_DD = 1 << 0
export const RXD_STATUS_EOP = 1 << 1

export const RXD_ERROR_CE = 1 << 0
export const RXD_ERROR_RXE = 1 << 7

// Transmit descriptor (controller.md §4.2)
export const TXD_BUFFER_ADDRESS = 0 // u32 physical address of the data
export const TXD_BUFFER_ADDRESS_HIGH = 4 // u32, must be 0
export const TXD_LENGTH = 8 // u16 bytes to send from this buffer
export const TXD_CSO = 10 // u8 ignored
export const TXD_CMD = 11 // u8
export const TXD_STATUS = 12 // u8 (device writes)
export const TXD_CSS = 13 // u8 ignored
export const TXD_SPECIAL = 14 // u16 ignored

export const TXD_CMD_EOP = 1 << 0
export const TXD_CMD_IFCS = 1 << 1
export const TXD_CMD_RS = 1 << 3

export const TXD_STATUS_DD = 1 << 0
export const TXD_STATUS_ERR = 1 << 1

/** Longest frame the device receives or sends, without FCS (controller.md §6.4). */
export const MAX_FRAME_BYTES = 16384
/** Shortest frame: an Ethernet header (controller.md §6.4). */
export const MIN_FRAME_BYTES = 14
