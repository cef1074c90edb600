// The rule catalogue: every rule by stable id, in order (ndis5.md §4 R1–R34, the workbench's own from R35).
import type { RuleDef } from './rule'
import { R1 } from './rules/r01'
import { R2 } from './rules/r02'
import { R3 } from './rules/r03'
import { R4 } from './rules/r04'
import { R5 } from './rules/r05'
import { R6 } from './rules/r06'
import { R7 } from './rules/r07'
import { R8 } from './rules/r08'
import { R9 } from './rules/r09'
import { R10 } from './rules/r10'
import { R11 } from './rules/r11'
import { R12 } from './rules/r12'
import { R13 } from './rules/r13'
import { R14 } from './rules/r14'
import { R15 } from './rules/r15'
import { R16 } from './rules/r16'
import { R17 } from './rules/r17'
import { R18 } from './rules/r18'
import { R19 } from './rules/r19'
import { R20 } from './rules/r20'
import { R21 } from './rules/r21'
import { R22 } from './rules/r22'
import { R23 } from './rules/r23'
import { R24 } from './rules/r24'
import { R25 } from './rules/r25'
import { R26 } from './rules/r26'
import { R27 } from './rules/r27'
import { R28 } from './rules/r28'
import { R29 } from './rules/r29'
import { R30 } from './rules/r30'
import { R31 } from './rules/r31'
import { R32 } from './rules/r32'
import { R33 } from './rules/r33'
import { R34 } from './rules/r34'
import { R35 } from './rules/r35'
import { R36 } from './rules/r36'
import { R37 } from './rules/r37'
import { R38 } from './rules/r38'
import { R39 } from './rules/r39'
import { R40 } from './rules/r40'
import { R41 } from './rules/r41'
import { R42 } from './rules/r42'
import { R43 } from './rules/r43'
import { R44 } from './rules/r44'
import { R45 } from './rules/r45'
import { R46 } from './rules/r46'

export {
  R1,
  R2,
  R3,
  R4,
  R5,
  R6,
  R7,
  R8,
  R9,
  R10,
  R11,
  R12,
  R13,
  R14,
  R15,
  R16,
  R17,
  R18,
  R19,
  R20,
  R21,
  R22,
  R23,
  R24,
  R25,
  R26,
  R27,
  R28,
  R29,
  R30,
  R31,
  R32,
  R33,
  R34,
  R35,
  R36,
  R37,
  R38,
  R39,
  R40,
  R41,
  R42,
  R43,
  R44,
  R45,
  R46,
}

export const RULES: readonly RuleDef[] = Object.freeze([
  R1,
  R2,
  R3,
  R4,
  R5,
  R6,
  R7,
  R8,
  R9,
  R10,
  R11,
  R12,
  R13,
  R14,
  R15,
  R16,
  R17,
  R18,
  R19,
  R20,
  R21,
  R22,
  R23,
  R24,
  R25,
  R26,
  R27,
  R28,
  R29,
  R30,
  R31,
  R32,
  R33,
  R34,
  R35,
  R36,
  R37,
  R38,
  R39,
  R40,
  R41,
  R42,
  R43,
  R44,
  R45,
  R46,
])

const byId = new Map(RULES.map((r) => [r.id, r]))

export function ruleById(id: string): RuleDef | undefined {
  return byId.get(id)
}
