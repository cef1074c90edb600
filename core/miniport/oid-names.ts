// OIDs by name and value (ntddndis.h values, core/miniport/constants.ts), for the scenario's requests and reports.
// Vendor-specific OIDs have the top byte 0xFF (ntddndis.h: "OIDs 0xFF000000-0xFFFFFFFF are vendor specific").
import { OID_VALUES } from './constants'

export type OidName = keyof typeof OID_VALUES

const byValue = new Map<number, OidName>(
  (Object.entries(OID_VALUES) as [OidName, number][]).map(([name, value]) => [value >>> 0, name]),
)

export const OID_NAMES: readonly OidName[] = Object.keys(OID_VALUES) as OidName[]

/** The C name of an OID, or its hex value when the workbench does not know it. */
export function oidText(oid: number): string {
  return byValue.get(oid >>> 0) ?? '0x' + (oid >>> 0).toString(16).toUpperCase().padStart(8, '0')
}

export function isVendorOid(oid: number): boolean {
  return oid >>> 0 >= 0xff000000
}

/** The value of an OID name; undefined when the workbench does not know it. */
export function oidValue(name: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(OID_VALUES, name) ? OID_VALUES[name as OidName] : undefined
}
