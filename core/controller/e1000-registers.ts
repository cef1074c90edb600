// The Intel 82540EM register map as data (8254x SDM §13, table 13-2; docs/82540em.md): offsets in the 128 KB BAR0
// window, access, reset value, the bits a driver may write, the side effect of a write and the bit fields the
// Controller panel decodes. The register dispatch in e1000.ts and the views both render from this one table.
import type { RegisterAccess } from './registers'

/** Length of the memory-mapped register window, BAR0 (SDM §4.1, §13.1): 128 KB. */
export const E1000_WINDOW_LENGTH = 0x20000
/** Length of the I/O window, BAR1 (SDM §13.2): IOADDR at 0, IODATA at 4. */
export const E1000_IO_LENGTH = 0x40

export type E1000Effect =
  | 'none'
  | 'ctrl'
  | 'eecd'
  | 'eerd'
  | 'mdic'
  | 'ics'
  | 'ims'
  | 'imc'
  | 'itr'
  | 'rctl'
  | 'rdt'
  | 'tctl'
  | 'tdt'
  | 'ring'
  | 'ral'
  | 'rah'

export interface BitField {
  readonly name: string
  readonly shift: number
  readonly width: number
}

export interface E1000RegisterSpec {
  readonly name: string
  readonly offset: number
  readonly width: 32
  readonly reset: number
  /**
   * RW, RO, RC (clear on read), WO, W1S (IMS: write 1 to set). The low half of a 64-bit statistic is RO: reading
   * its high half clears both (SDM §13.7, as QEMU's e1000 does).
   */
  readonly access: RegisterAccess
  /** Bits that are not reserved: the driver may write them (RW, W1S) or they act (WO). */
  readonly writeMask: number
  readonly effect: E1000Effect
  readonly description: string
  /** 8254x SDM section. */
  readonly section: string
  readonly fields: readonly BitField[]
}

// ---- Offsets (SDM table 13-2) ----
export const E_CTRL = 0x0000
export const E_STATUS = 0x0008
export const E_EECD = 0x0010
export const E_EERD = 0x0014
export const E_CTRL_EXT = 0x0018
export const E_MDIC = 0x0020
export const E_FCAL = 0x0028
export const E_FCAH = 0x002c
export const E_FCT = 0x0030
export const E_VET = 0x0038
export const E_ICR = 0x00c0
export const E_ITR = 0x00c4
export const E_ICS = 0x00c8
export const E_IMS = 0x00d0
export const E_IMC = 0x00d8
export const E_RCTL = 0x0100
export const E_FCTTV = 0x0170
export const E_TXCW = 0x0178
export const E_RXCW = 0x0180
export const E_TCTL = 0x0400
export const E_TIPG = 0x0410
export const E_LEDCTL = 0x0e00
export const E_PBA = 0x1000
export const E_FCRTL = 0x2160
export const E_FCRTH = 0x2168
export const E_RDBAL = 0x2800
export const E_RDBAH = 0x2804
export const E_RDLEN = 0x2808
export const E_RDH = 0x2810
export const E_RDT = 0x2818
export const E_RDTR = 0x2820
export const E_RXDCTL = 0x2828
export const E_RADV = 0x282c
export const E_RSRPD = 0x2c00
export const E_TDBAL = 0x3800
export const E_TDBAH = 0x3804
export const E_TDLEN = 0x3808
export const E_TDH = 0x3810
export const E_TDT = 0x3818
export const E_TIDV = 0x3820
export const E_TXDCTL = 0x3828
export const E_TADV = 0x382c
export const E_TSPMT = 0x3830
export const E_RXCSUM = 0x5000
export const E_MTA = 0x5200
export const E_MTA_ENTRIES = 128
export const E_RAL0 = 0x5400
export const E_RAH0 = 0x5404
export const E_RA_ENTRIES = 16
export const E_VFTA = 0x5600
export const E_VFTA_ENTRIES = 128
export const E_WUC = 0x5800
export const E_WUFC = 0x5808
export const E_WUS = 0x5810
export const E_MANC = 0x5820

// Statistics (SDM §13.7): clear on read.
export const E_CRCERRS = 0x4000
export const E_ALGNERRC = 0x4004
export const E_SYMERRS = 0x4008
export const E_RXERRC = 0x400c
export const E_MPC = 0x4010
export const E_SCC = 0x4014
export const E_ECOL = 0x4018
export const E_MCC = 0x401c
export const E_LATECOL = 0x4020
export const E_COLC = 0x4028
export const E_DC = 0x4030
export const E_TNCRS = 0x4034
export const E_SEC = 0x4038
export const E_CEXTERR = 0x403c
export const E_RLEC = 0x4040
export const E_XONRXC = 0x4048
export const E_XONTXC = 0x404c
export const E_XOFFRXC = 0x4050
export const E_XOFFTXC = 0x4054
export const E_FCRUC = 0x4058
export const E_PRC64 = 0x405c
export const E_PRC127 = 0x4060
export const E_PRC255 = 0x4064
export const E_PRC511 = 0x4068
export const E_PRC1023 = 0x406c
export const E_PRC1522 = 0x4070
export const E_GPRC = 0x4074
export const E_BPRC = 0x4078
export const E_MPRC = 0x407c
export const E_GPTC = 0x4080
export const E_GORCL = 0x4088
export const E_GORCH = 0x408c
export const E_GOTCL = 0x4090
export const E_GOTCH = 0x4094
export const E_RNBC = 0x40a0
export const E_RUC = 0x40a4
export const E_RFC = 0x40a8
export const E_ROC = 0x40ac
export const E_RJC = 0x40b0
export const E_TORL = 0x40c0
export const E_TORH = 0x40c4
export const E_TOTL = 0x40c8
export const E_TOTH = 0x40cc
export const E_TPR = 0x40d0
export const E_TPT = 0x40d4
export const E_PTC64 = 0x40d8
export const E_PTC127 = 0x40dc
export const E_PTC255 = 0x40e0
export const E_PTC511 = 0x40e4
export const E_PTC1023 = 0x40e8
export const E_PTC1522 = 0x40ec
export const E_MPTC = 0x40f0
export const E_BPTC = 0x40f4
export const E_TSCTC = 0x40f8
export const E_TSCTFC = 0x40fc

// ---- Bits ----
// CTRL (SDM §13.4.1)
export const CTRL_FD = 1 << 0
export const CTRL_LRST = 1 << 3
export const CTRL_ASDE = 1 << 5
export const CTRL_SLU = 1 << 6
export const CTRL_ILOS = 1 << 7
export const CTRL_SPEED_SHIFT = 8
export const CTRL_FRCSPD = 1 << 11
export const CTRL_FRCDPLX = 1 << 12
export const CTRL_RST = 1 << 26
export const CTRL_RFCE = 1 << 27
export const CTRL_TFCE = 1 << 28
export const CTRL_VME = 1 << 30
export const CTRL_PHY_RST = 1 << 31
/** CTRL bits 1, 2, 4, 10, 13–17 and 29 are reserved (SDM table 13-3). */
const CTRL_WRITABLE = 0xdffc19e9
// STATUS (SDM §13.4.2)
export const STATUS_FD = 1 << 0
export const STATUS_LU = 1 << 1
export const STATUS_TXOFF = 1 << 4
export const STATUS_SPEED_SHIFT = 6
export const STATUS_SPEED_10 = 0
export const STATUS_SPEED_100 = 1
export const STATUS_SPEED_1000 = 2
export const STATUS_ASDV_SHIFT = 8
// EECD (SDM §13.4.3)
export const EECD_SK = 1 << 0
export const EECD_CS = 1 << 1
export const EECD_DI = 1 << 2
export const EECD_DO = 1 << 3
export const EECD_FWE_SHIFT = 4
export const EECD_REQ = 1 << 6
export const EECD_GNT = 1 << 7
export const EECD_PRES = 1 << 8
// EERD (SDM §13.4.4, the 82540EM's layout)
export const EERD_START = 1 << 0
export const EERD_DONE = 1 << 4
export const EERD_ADDR_SHIFT = 8
export const EERD_DATA_SHIFT = 16
// MDIC (SDM §13.4.7)
export const MDIC_DATA_MASK = 0xffff
export const MDIC_REG_SHIFT = 16
export const MDIC_PHY_SHIFT = 21
export const MDIC_OP_WRITE = 1 << 26
export const MDIC_OP_READ = 2 << 26
export const MDIC_READY = 1 << 28
export const MDIC_INT_EN = 1 << 29
export const MDIC_ERROR = 1 << 30
// Interrupt causes: ICR, ICS, IMS, IMC (SDM §13.4.17–§13.4.21)
export const ICR_TXDW = 1 << 0
export const ICR_TXQE = 1 << 1
export const ICR_LSC = 1 << 2
export const ICR_RXSEQ = 1 << 3
export const ICR_RXDMT0 = 1 << 4
export const ICR_RXO = 1 << 6
export const ICR_RXT0 = 1 << 7
export const ICR_MDAC = 1 << 9
export const ICR_RXCFG = 1 << 10
export const ICR_PHYINT = 1 << 12
export const ICR_GPI_SDP6 = 1 << 13
export const ICR_GPI_SDP7 = 1 << 14
export const ICR_TXD_LOW = 1 << 15
export const ICR_SRPD = 1 << 16
export const ICR_ALL = 0x0001f6df
// RCTL (SDM §13.4.22)
export const RCTL_EN = 1 << 1
export const RCTL_SBP = 1 << 2
export const RCTL_UPE = 1 << 3
export const RCTL_MPE = 1 << 4
export const RCTL_LPE = 1 << 5
export const RCTL_LBM_SHIFT = 6
export const RCTL_RDMTS_SHIFT = 8
export const RCTL_MO_SHIFT = 12
export const RCTL_BAM = 1 << 15
export const RCTL_BSIZE_SHIFT = 16
export const RCTL_VFE = 1 << 18
export const RCTL_CFIEN = 1 << 19
export const RCTL_CFI = 1 << 20
export const RCTL_DPF = 1 << 22
export const RCTL_PMCF = 1 << 23
export const RCTL_BSEX = 1 << 25
export const RCTL_SECRC = 1 << 26
/** RCTL bits 0, 10, 11, 14, 21, 24, 27–31 are reserved (SDM table 13-67). */
const RCTL_WRITABLE = 0x06dfb3fe
// TCTL (SDM §13.4.33)
export const TCTL_EN = 1 << 1
export const TCTL_PSP = 1 << 3
export const TCTL_CT_SHIFT = 4
export const TCTL_COLD_SHIFT = 12
export const TCTL_SWXOFF = 1 << 22
export const TCTL_RTLC = 1 << 24
const TCTL_WRITABLE = 0x017ffffa
// RAH (SDM §13.5.4)
export const RAH_AS_SHIFT = 16
export const RAH_AV = 1 << 31
// RXDCTL / TXDCTL (SDM §13.4.31, §13.4.41)
const DCTL_WRITABLE = 0x013f3f3f

/** Receive buffer size from RCTL.BSIZE and BSEX (SDM §13.4.22); 0 for the reserved BSEX=1, BSIZE=00 setting. */
export function e1000BufferSize(rctl: number): number {
  const bsize = (rctl >>> RCTL_BSIZE_SHIFT) & 3
  if ((rctl & RCTL_BSEX) === 0) return 2048 >>> bsize
  return bsize === 0 ? 0 : 32768 >>> bsize
}

const f = (name: string, shift: number, width = 1): BitField => ({ name, shift, width })

function reg(
  name: string,
  offset: number,
  reset: number,
  access: RegisterAccess,
  writeMask: number,
  effect: E1000Effect,
  section: string,
  description: string,
  fields: readonly BitField[] = [],
): E1000RegisterSpec {
  return {
    name,
    offset,
    width: 32,
    reset: reset >>> 0,
    access,
    writeMask: writeMask >>> 0,
    effect,
    description,
    section,
    fields: Object.freeze(fields),
  }
}

const ALL = 0xffffffff
const CAUSE_FIELDS = [
  f('TXDW', 0),
  f('TXQE', 1),
  f('LSC', 2),
  f('RXSEQ', 3),
  f('RXDMT0', 4),
  f('RXO', 6),
  f('RXT0', 7),
  f('MDAC', 9),
  f('RXCFG', 10),
  f('PHYINT', 12),
  f('TXD_LOW', 15),
  f('SRPD', 16),
]
const stat = (name: string, offset: number, description: string, access: RegisterAccess = 'RC') =>
  reg(name, offset, 0, access, 0, 'none', '13.7', description)

const FIXED: E1000RegisterSpec[] = [
  reg('CTRL', E_CTRL, 0, 'RW', CTRL_WRITABLE, 'ctrl', '13.4.1', 'Device control: SLU sets link up, RST resets', [
    f('FD', 0),
    f('LRST', 3),
    f('ASDE', 5),
    f('SLU', 6),
    f('ILOS', 7),
    f('SPEED', 8, 2),
    f('FRCSPD', 11),
    f('FRCDPLX', 12),
    f('RST', 26),
    f('RFCE', 27),
    f('TFCE', 28),
    f('VME', 30),
    f('PHY_RST', 31),
  ]),
  reg('STATUS', E_STATUS, 0, 'RO', 0, 'none', '13.4.2', 'Device status: link up, duplex, speed', [
    f('FD', 0),
    f('LU', 1),
    f('FUNC_ID', 2, 2),
    f('TXOFF', 4),
    f('SPEED', 6, 2),
    f('ASDV', 8, 2),
  ]),
  reg(
    'EECD',
    E_EECD,
    EECD_PRES | (1 << EECD_FWE_SHIFT),
    'RW',
    0x77,
    'eecd',
    '13.4.3',
    'EEPROM/flash control: bit-banged Microwire',
    [f('SK', 0), f('CS', 1), f('DI', 2), f('DO', 3), f('FWE', 4, 2), f('EE_REQ', 6), f('EE_GNT', 7), f('EE_PRES', 8)],
  ),
  reg('EERD', E_EERD, 0, 'RW', 0xff01, 'eerd', '13.4.4', 'EEPROM read: START, DONE, ADDR, DATA', [
    f('START', 0),
    f('DONE', 4),
    f('ADDR', 8, 8),
    f('DATA', 16, 16),
  ]),
  reg('CTRL_EXT', E_CTRL_EXT, 0, 'RW', 0x00ffffff, 'none', '13.4.6', 'Extended device control'),
  reg('MDIC', E_MDIC, MDIC_READY, 'RW', 0x3fffffff, 'mdic', '13.4.7', 'MDI control: PHY register access', [
    f('DATA', 0, 16),
    f('REGADD', 16, 5),
    f('PHYADD', 21, 5),
    f('OP', 26, 2),
    f('R', 28),
    f('I', 29),
    f('E', 30),
  ]),
  reg('FCAL', E_FCAL, 0, 'RW', ALL, 'none', '13.4.8', 'Flow control address low'),
  reg('FCAH', E_FCAH, 0, 'RW', 0xffff, 'none', '13.4.8', 'Flow control address high'),
  reg('FCT', E_FCT, 0, 'RW', 0xffff, 'none', '13.4.9', 'Flow control type'),
  reg('VET', E_VET, 0, 'RW', 0xffff, 'none', '13.4.10', 'VLAN Ether type'),
  reg('ICR', E_ICR, 0, 'RC', 0, 'none', '13.4.17', 'Interrupt cause read; cleared by reading', CAUSE_FIELDS),
  reg('ITR', E_ITR, 0, 'RW', 0xffff, 'itr', '13.4.18', 'Interrupt throttling: minimum interval, 256 ns units'),
  reg('ICS', E_ICS, 0, 'WO', ICR_ALL, 'ics', '13.4.19', 'Interrupt cause set', CAUSE_FIELDS),
  reg('IMS', E_IMS, 0, 'W1S', ICR_ALL, 'ims', '13.4.20', 'Interrupt mask set/read', CAUSE_FIELDS),
  reg('IMC', E_IMC, 0, 'WO', ICR_ALL, 'imc', '13.4.21', 'Interrupt mask clear', CAUSE_FIELDS),
  reg('RCTL', E_RCTL, 0, 'RW', RCTL_WRITABLE, 'rctl', '13.4.22', 'Receive control', [
    f('EN', 1),
    f('SBP', 2),
    f('UPE', 3),
    f('MPE', 4),
    f('LPE', 5),
    f('LBM', 6, 2),
    f('RDMTS', 8, 2),
    f('MO', 12, 2),
    f('BAM', 15),
    f('BSIZE', 16, 2),
    f('VFE', 18),
    f('DPF', 22),
    f('PMCF', 23),
    f('BSEX', 25),
    f('SECRC', 26),
  ]),
  reg('FCTTV', E_FCTTV, 0, 'RW', 0xffff, 'none', '13.4.23', 'Flow control transmit timer value'),
  reg('TXCW', E_TXCW, 0, 'RW', 0xc000ffff, 'none', '13.4.24', 'Transmit configuration word (TBI mode)'),
  reg('RXCW', E_RXCW, 0, 'RO', 0, 'none', '13.4.25', 'Receive configuration word (TBI mode)'),
  reg('TCTL', E_TCTL, 0, 'RW', TCTL_WRITABLE, 'tctl', '13.4.33', 'Transmit control', [
    f('EN', 1),
    f('PSP', 3),
    f('CT', 4, 8),
    f('COLD', 12, 10),
    f('SWXOFF', 22),
    f('RTLC', 24),
  ]),
  reg('TIPG', E_TIPG, 0, 'RW', 0x3fffffff, 'none', '13.4.34', 'Transmit inter-packet gap', [
    f('IPGT', 0, 10),
    f('IPGR1', 10, 10),
    f('IPGR2', 20, 10),
  ]),
  reg('LEDCTL', E_LEDCTL, 0x07068302, 'RW', ALL, 'none', '13.4.16', 'LED control'),
  reg('PBA', E_PBA, 0x00100030, 'RW', 0xffff, 'none', '13.4.29', 'Packet buffer allocation: receive KB (low 16)'),
  reg('FCRTL', E_FCRTL, 0, 'RW', 0x8000fff8, 'none', '13.4.26', 'Flow control receive threshold low'),
  reg('FCRTH', E_FCRTH, 0, 'RW', 0xfff8, 'none', '13.4.27', 'Flow control receive threshold high'),
  reg('RDBAL', E_RDBAL, 0, 'RW', ALL, 'ring', '13.4.27', 'Receive descriptor base low (16-byte aligned)'),
  reg('RDBAH', E_RDBAH, 0, 'RW', ALL, 'ring', '13.4.27', 'Receive descriptor base high'),
  reg('RDLEN', E_RDLEN, 0, 'RW', 0x000fff80, 'ring', '13.4.28', 'Receive ring length in bytes (multiple of 128)'),
  reg('RDH', E_RDH, 0, 'RW', 0xffff, 'ring', '13.4.29', 'Receive descriptor head'),
  reg('RDT', E_RDT, 0, 'RW', 0xffff, 'rdt', '13.4.30', 'Receive descriptor tail'),
  reg('RDTR', E_RDTR, 0, 'RW', 0x8000ffff, 'none', '13.4.31', 'Receive delay timer, 1.024 µs units', [
    f('DELAY', 0, 16),
    f('FPD', 31),
  ]),
  reg('RXDCTL', E_RXDCTL, 0x00010000, 'RW', DCTL_WRITABLE, 'none', '13.4.32', 'Receive descriptor control', [
    f('PTHRESH', 0, 6),
    f('HTHRESH', 8, 6),
    f('WTHRESH', 16, 6),
    f('GRAN', 24),
  ]),
  reg('RADV', E_RADV, 0, 'RW', 0xffff, 'none', '13.4.33', 'Receive absolute delay timer, 1.024 µs units'),
  reg('RSRPD', E_RSRPD, 0, 'RW', 0xfff, 'none', '13.4.34', 'Receive small packet detect'),
  reg('TDBAL', E_TDBAL, 0, 'RW', ALL, 'ring', '13.4.35', 'Transmit descriptor base low (16-byte aligned)'),
  reg('TDBAH', E_TDBAH, 0, 'RW', ALL, 'ring', '13.4.35', 'Transmit descriptor base high'),
  reg('TDLEN', E_TDLEN, 0, 'RW', 0x000fff80, 'ring', '13.4.36', 'Transmit ring length in bytes (multiple of 128)'),
  reg('TDH', E_TDH, 0, 'RW', 0xffff, 'ring', '13.4.37', 'Transmit descriptor head'),
  reg('TDT', E_TDT, 0, 'RW', 0xffff, 'tdt', '13.4.38', 'Transmit descriptor tail'),
  reg('TIDV', E_TIDV, 0, 'RW', 0xffff, 'none', '13.4.39', 'Transmit interrupt delay, 1.024 µs units'),
  reg('TXDCTL', E_TXDCTL, 0, 'RW', DCTL_WRITABLE, 'none', '13.4.41', 'Transmit descriptor control', [
    f('PTHRESH', 0, 6),
    f('HTHRESH', 8, 6),
    f('WTHRESH', 16, 6),
    f('GRAN', 24),
  ]),
  reg('TADV', E_TADV, 0, 'RW', 0xffff, 'none', '13.4.42', 'Transmit absolute interrupt delay, 1.024 µs units'),
  reg('TSPMT', E_TSPMT, 0x01000400, 'RW', ALL, 'none', '13.4.43', 'TCP segmentation pad and minimum threshold'),
  reg('RXCSUM', E_RXCSUM, 0, 'RW', 0x3ff | (1 << 8) | (1 << 9), 'none', '13.4.44', 'Receive checksum control', [
    f('PCSS', 0, 8),
    f('IPOFLD', 8),
    f('TUOFLD', 9),
  ]),
  reg('WUC', E_WUC, 0, 'RW', 0xf, 'none', '13.6.1', 'Wake-up control'),
  reg('WUFC', E_WUFC, 0, 'RW', 0x000f00ff, 'none', '13.6.2', 'Wake-up filter control'),
  reg('WUS', E_WUS, 0, 'RW', 0x000f00ff, 'none', '13.6.3', 'Wake-up status'),
  reg('MANC', E_MANC, 0, 'RW', 0x00ffffff, 'none', '13.6.5', 'Management control'),
  stat('CRCERRS', E_CRCERRS, 'CRC error count'),
  stat('ALGNERRC', E_ALGNERRC, 'Alignment error count'),
  stat('SYMERRS', E_SYMERRS, 'Symbol error count'),
  stat('RXERRC', E_RXERRC, 'Receive error count'),
  stat('MPC', E_MPC, 'Missed packets count'),
  stat('SCC', E_SCC, 'Single collision count'),
  stat('ECOL', E_ECOL, 'Excessive collisions count'),
  stat('MCC', E_MCC, 'Multiple collision count'),
  stat('LATECOL', E_LATECOL, 'Late collisions count'),
  stat('COLC', E_COLC, 'Collision count'),
  stat('DC', E_DC, 'Defer count'),
  stat('TNCRS', E_TNCRS, 'Transmit with no CRS'),
  stat('SEC', E_SEC, 'Sequence error count'),
  stat('CEXTERR', E_CEXTERR, 'Carrier extension error count'),
  stat('RLEC', E_RLEC, 'Receive length error count'),
  stat('XONRXC', E_XONRXC, 'XON received count'),
  stat('XONTXC', E_XONTXC, 'XON transmitted count'),
  stat('XOFFRXC', E_XOFFRXC, 'XOFF received count'),
  stat('XOFFTXC', E_XOFFTXC, 'XOFF transmitted count'),
  stat('FCRUC', E_FCRUC, 'FC received unsupported count'),
  stat('PRC64', E_PRC64, 'Packets received (64 bytes)'),
  stat('PRC127', E_PRC127, 'Packets received (65–127 bytes)'),
  stat('PRC255', E_PRC255, 'Packets received (128–255 bytes)'),
  stat('PRC511', E_PRC511, 'Packets received (256–511 bytes)'),
  stat('PRC1023', E_PRC1023, 'Packets received (512–1023 bytes)'),
  stat('PRC1522', E_PRC1522, 'Packets received (1024–1522 bytes)'),
  stat('GPRC', E_GPRC, 'Good packets received'),
  stat('BPRC', E_BPRC, 'Broadcast packets received'),
  stat('MPRC', E_MPRC, 'Multicast packets received'),
  stat('GPTC', E_GPTC, 'Good packets transmitted'),
  stat('GORCL', E_GORCL, 'Good octets received (low; read GORCH to clear)', 'RO'),
  stat('GORCH', E_GORCH, 'Good octets received (high)'),
  stat('GOTCL', E_GOTCL, 'Good octets transmitted (low; read GOTCH to clear)', 'RO'),
  stat('GOTCH', E_GOTCH, 'Good octets transmitted (high)'),
  stat('RNBC', E_RNBC, 'Receive no buffers count'),
  stat('RUC', E_RUC, 'Receive undersize count'),
  stat('RFC', E_RFC, 'Receive fragment count'),
  stat('ROC', E_ROC, 'Receive oversize count'),
  stat('RJC', E_RJC, 'Receive jabber count'),
  stat('TORL', E_TORL, 'Total octets received (low; read TORH to clear)', 'RO'),
  stat('TORH', E_TORH, 'Total octets received (high)'),
  stat('TOTL', E_TOTL, 'Total octets transmitted (low; read TOTH to clear)', 'RO'),
  stat('TOTH', E_TOTH, 'Total octets transmitted (high)'),
  stat('TPR', E_TPR, 'Total packets received'),
  stat('TPT', E_TPT, 'Total packets transmitted'),
  stat('PTC64', E_PTC64, 'Packets transmitted (64 bytes)'),
  stat('PTC127', E_PTC127, 'Packets transmitted (65–127 bytes)'),
  stat('PTC255', E_PTC255, 'Packets transmitted (128–255 bytes)'),
  stat('PTC511', E_PTC511, 'Packets transmitted (256–511 bytes)'),
  stat('PTC1023', E_PTC1023, 'Packets transmitted (512–1023 bytes)'),
  stat('PTC1522', E_PTC1522, 'Packets transmitted (1024–1522 bytes)'),
  stat('MPTC', E_MPTC, 'Multicast packets transmitted'),
  stat('BPTC', E_BPTC, 'Broadcast packets transmitted'),
  stat('TSCTC', E_TSCTC, 'TCP segmentation context transmitted'),
  stat('TSCTFC', E_TSCTFC, 'TCP segmentation context failed'),
]

function tables(): E1000RegisterSpec[] {
  const out: E1000RegisterSpec[] = []
  for (let i = 0; i < E_MTA_ENTRIES; i++)
    out.push(reg(`MTA[${i}]`, E_MTA + i * 4, 0, 'RW', ALL, 'none', '13.5.1', 'Multicast table array'))
  for (let i = 0; i < E_RA_ENTRIES; i++) {
    out.push(reg(`RAL[${i}]`, E_RAL0 + i * 8, 0, 'RW', ALL, 'ral', '13.5.2', 'Receive address low'))
    out.push(
      reg(`RAH[${i}]`, E_RAH0 + i * 8, 0, 'RW', 0x8003ffff, 'rah', '13.5.3', 'Receive address high: AS, AV', [
        f('RAH', 0, 16),
        f('AS', 16, 2),
        f('AV', 31),
      ]),
    )
  }
  for (let i = 0; i < E_VFTA_ENTRIES; i++)
    out.push(reg(`VFTA[${i}]`, E_VFTA + i * 4, 0, 'RW', ALL, 'none', '13.5.4', 'VLAN filter table array'))
  return out
}

/** Every register, in offset order. */
export const E1000_REGISTERS: readonly E1000RegisterSpec[] = Object.freeze(
  [...FIXED, ...tables()].sort((a, b) => a.offset - b.offset),
)

/** Register index by word offset (offset >>> 2), -1 where the map has no register. */
export const E1000_REGISTER_AT: Int16Array = (() => {
  const at = new Int16Array(E1000_WINDOW_LENGTH >>> 2).fill(-1)
  E1000_REGISTERS.forEach((r, i) => (at[r.offset >>> 2] = i))
  return at
})()

export function e1000RegisterByName(name: string): E1000RegisterSpec | undefined {
  return E1000_REGISTERS.find((r) => r.name === name)
}
