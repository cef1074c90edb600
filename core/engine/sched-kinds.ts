// Scheduler event kinds by owner: each part registers its handlers from its own base, so kinds never collide.
import { CONTROLLER_SCHED_KINDS } from '../controller/controller'
import { MINIPORT_SCHED_KINDS } from '../miniport/runtime'
import { PROTOCOL_SCHED_KINDS } from '../protocol/bound-protocol'

export const CONTROLLER_SCHED_BASE = 0
export const MINIPORT_SCHED_BASE = CONTROLLER_SCHED_BASE + CONTROLLER_SCHED_KINDS
export const PROTOCOL_SCHED_BASE = MINIPORT_SCHED_BASE + MINIPORT_SCHED_KINDS
export const SCENARIO_SCHED_BASE = PROTOCOL_SCHED_BASE + PROTOCOL_SCHED_KINDS
export const SCHED_FAULT = SCENARIO_SCHED_BASE
/** Kinds a controller model needs beyond the six every model has (the 82540EM's delay timers). */
export const CONTROLLER_EXTRA_SCHED_BASE = SCHED_FAULT + 1
