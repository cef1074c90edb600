// Verifier levels. `off`: nothing beyond what NDIS itself does (statuses). `standard`: the cheap checks (descriptor
// state, IRQL, locks held, handles, first and last byte of a memory access). `full`: everything, incl. every byte of
// every memory access and the ownership history of every packet.
export const VERIFIER_OFF = 0
export const VERIFIER_STANDARD = 1
export const VERIFIER_FULL = 2

export type VerifierLevelName = 'off' | 'standard' | 'full'

export function verifierLevel(name: VerifierLevelName): number {
  return name === 'off' ? VERIFIER_OFF : name === 'full' ? VERIFIER_FULL : VERIFIER_STANDARD
}

export function verifierLevelName(level: number): VerifierLevelName {
  return level <= VERIFIER_OFF ? 'off' : level >= VERIFIER_FULL ? 'full' : 'standard'
}
