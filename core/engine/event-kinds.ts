// Scheduler event kinds by owner: each part registers its handlers from its own base, so kinds never collide.
import { CONTROLLER_EVENT_KINDS } from '../controller/controller'
import { MINIPORT_EVENT_KINDS } from '../miniport/runtime'
import { PROTOCOL_EVENT_KINDS } from '../protocol/bound-protocol'

export const CONTROLLER_EVENT_BASE = 0
export const MINIPORT_EVENT_BASE = CONTROLLER_EVENT_BASE + CONTROLLER_EVENT_KINDS
export const PROTOCOL_EVENT_BASE = MINIPORT_EVENT_BASE + MINIPORT_EVENT_KINDS
export const SCENARIO_EVENT_BASE = PROTOCOL_EVENT_BASE + PROTOCOL_EVENT_KINDS
export const EVENT_FAULT = SCENARIO_EVENT_BASE
