// One case of `nicbench test` (docs/cli.md, "test"): a scenario the miniport runs under, and what its report must
// show. Cases are data, made the same way on every machine, so a shard of the list is the same slice everywhere.
import type { ScenarioInput } from '../scenario/schema'

export const SUITE_NAMES = ['oid', 'receive', 'send', 'link', 'reset', 'fault', 'stress'] as const
export type SuiteName = (typeof SUITE_NAMES)[number]

/**
 * What the report must show besides the checks every case makes (no bug check, no error finding, no exception, no
 * workbench bug):
 * - `intact`: frames reached the protocol and none was corrupted, lost, duplicated or reordered, none missed;
 * - `sends`: the protocol's sends went out and came back intact over the loopback wire, each completed;
 * - `link`: the cable changes were seen (`linkChanges`) and frames reached the protocol again afterwards;
 * - `survives`: the miniport kept passing traffic, or failed MiniportInitialize cleanly (the fault sweep);
 * - `invariants`: only the checks every case makes, under load (stress);
 * - `bound`: the binding's OIDs were answered with sane values (an 802.3 address, a frame size of at least 1500, a
 *   link speed, a lookahead) and the protocol bound;
 * - `filtered`: frames outside the packet filter reached no protocol and were counted as filtered;
 * - `accepted`: frames the filter lets through (promiscuous, a multicast list entry) reached the protocol;
 * - `reset`: NDIS reset the miniport `resets` times during traffic, and frames flowed again afterwards.
 */
export type Expectation =
  | { kind: 'intact' }
  | { kind: 'sends' }
  | { kind: 'link'; changes: number }
  | { kind: 'survives' }
  | { kind: 'invariants' }
  | { kind: 'bound' }
  | { kind: 'filtered' }
  | { kind: 'accepted' }
  | { kind: 'reset'; resets: number }

export interface TestCase {
  /** `suite/name`, unique in the list: what --shard slices and merge matches. */
  id: string
  suite: SuiteName
  title: string
  scenario: ScenarioInput
  /** `--fault` spec of the case (the fault sweep), or null. */
  fault: string | null
  /** Count allocations by call site in the report (the sweep's clean run). */
  allocationSites?: boolean
  expect: Expectation
}
