// NDIS_MINIPORT_CHARACTERISTICS as a script passes it to NdisMRegisterMiniport (script-api.md: an object literal with
// the C field names). NDIS checks the version and the required handlers and answers BAD_VERSION or
// BAD_CHARACTERISTICS (ndis5.md §0) instead of loading a driver it cannot call.
import { valueText } from '../verifier/value-text'
import { NDIS_STATUS_CODES } from '../ndis/status'

/** Handler fields the workbench calls, by C name. */
export const HANDLER_FIELDS = [
  'InitializeHandler',
  'HaltHandler',
  'ISRHandler',
  'HandleInterruptHandler',
  'DisableInterruptHandler',
  'EnableInterruptHandler',
  'SendHandler',
  'SendPacketsHandler',
  'ReturnPacketHandler',
  'QueryInformationHandler',
  'SetInformationHandler',
  'ResetHandler',
  'CheckForHangHandler',
  'TransferDataHandler',
  'AllocateCompleteHandler',
  'ReconfigureHandler',
  'CancelSendPacketsHandler',
  'PnPEventNotifyHandler',
  'AdapterShutdownHandler',
] as const

export type HandlerField = (typeof HANDLER_FIELDS)[number]
type Handler = (...args: any[]) => any

export interface MiniportHandlers {
  MajorNdisVersion: number
  MinorNdisVersion: number
  InitializeHandler: Handler
  HaltHandler: Handler
  ISRHandler?: Handler
  HandleInterruptHandler?: Handler
  DisableInterruptHandler?: Handler
  EnableInterruptHandler?: Handler
  SendHandler?: Handler
  SendPacketsHandler?: Handler
  ReturnPacketHandler?: Handler
  QueryInformationHandler?: Handler
  SetInformationHandler?: Handler
  ResetHandler?: Handler
  CheckForHangHandler?: Handler
  TransferDataHandler?: Handler
}

export interface CharacteristicsVerdict {
  status: number
  handlers: MiniportHandlers | null
  /** Why NDIS refused them (empty on success). */
  reason: string
}

export function readCharacteristics(value: unknown): CharacteristicsVerdict {
  const bad = (status: number, reason: string): CharacteristicsVerdict => ({ status, handlers: null, reason })
  if (typeof value !== 'object' || value === null) {
    return bad(NDIS_STATUS_CODES.NDIS_STATUS_BAD_CHARACTERISTICS, 'the characteristics are not an object')
  }
  const c = value as Record<string, unknown>
  const major = c['MajorNdisVersion']
  const minor = c['MinorNdisVersion'] ?? 0
  if (major !== 4 && major !== 5) {
    return bad(
      NDIS_STATUS_CODES.NDIS_STATUS_BAD_VERSION,
      `MajorNdisVersion ${valueText(major)} (this NDIS loads 4.x and 5.x miniports)`,
    )
  }
  if (typeof minor !== 'number' || !Number.isInteger(minor) || minor < 0 || minor > 1) {
    return bad(
      NDIS_STATUS_CODES.NDIS_STATUS_BAD_VERSION,
      `MinorNdisVersion ${valueText(minor)} (5.0 and 5.1 are known)`,
    )
  }
  for (const field of HANDLER_FIELDS) {
    const h = c[field]
    if (h !== undefined && h !== null && typeof h !== 'function') {
      return bad(NDIS_STATUS_CODES.NDIS_STATUS_BAD_CHARACTERISTICS, `${field} is not a function`)
    }
  }
  if (typeof c['InitializeHandler'] !== 'function') {
    return bad(NDIS_STATUS_CODES.NDIS_STATUS_BAD_CHARACTERISTICS, 'InitializeHandler is required')
  }
  if (typeof c['HaltHandler'] !== 'function') {
    return bad(NDIS_STATUS_CODES.NDIS_STATUS_BAD_CHARACTERISTICS, 'HaltHandler is required')
  }
  if (typeof c['SendHandler'] !== 'function' && typeof c['SendPacketsHandler'] !== 'function') {
    return bad(NDIS_STATUS_CODES.NDIS_STATUS_BAD_CHARACTERISTICS, 'SendHandler or SendPacketsHandler is required')
  }
  if ((typeof c['ISRHandler'] === 'function') !== (typeof c['HandleInterruptHandler'] === 'function')) {
    return bad(NDIS_STATUS_CODES.NDIS_STATUS_BAD_CHARACTERISTICS, 'ISRHandler and HandleInterruptHandler come together')
  }
  const handlers: Record<string, unknown> = { MajorNdisVersion: major, MinorNdisVersion: minor }
  for (const field of HANDLER_FIELDS) if (typeof c[field] === 'function') handlers[field] = c[field]
  return { status: 0, handlers: handlers as unknown as MiniportHandlers, reason: '' }
}
