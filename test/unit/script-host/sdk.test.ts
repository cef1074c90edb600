// sdk/ndis.d.ts and the run agree (script-api.md): every name the run puts in a script's scope is declared, every
// declared name is in scope (those the workbench does not emulate yet as stubs that stop the run), and each
// constant's documented value is its value at run time.
import { describe, expect, it } from 'vitest'
import { Run } from '../../../core/engine/run'
import { addNotEmulated } from '../../../core/engine/script-scope'
import { defaultScenario } from '../../../core/scenario/schema'
import { declaredNames, sdkText } from '../../../main/script-host/sdk'

function newRun(): Run {
  return new Run({
    script: { file: 'sdk.ts', sha256: '', sites: [] },
    scenario: defaultScenario(),
    scenarioFile: null,
    seed: 1,
    verifier: 'standard',
    durationNs: 1_000_000,
    maxFrames: Infinity,
    lowResources: null,
    capture: null,
  })
}

/** Functions declared after the "Declared, not emulated yet" heading of the SDK. */
function notEmulatedSection(): string[] {
  const text = sdkText()
  const start = text.indexOf('// ---- Declared, not emulated yet')
  const end = text.indexOf('// ---- Constants', start)
  return [...text.slice(start, end).matchAll(/declare function (\w+)/g)].map((m) => m[1]!)
}

describe('sdk/ndis.d.ts', () => {
  const run = newRun()
  const declared = declaredNames()

  it('declares every name the run provides', () => {
    const undeclared = Object.keys(run.scope).filter((name) => !declared.values.includes(name))
    expect(undeclared).toEqual([])
  })

  it('provides every declared name, stubbing exactly the ones it says are not emulated yet', () => {
    const stubbed = addNotEmulated(run.scope, declared.values, run.miniport)
    expect(stubbed.sort()).toEqual(notEmulatedSection().sort())
    for (const name of declared.values) expect(run.scope).toHaveProperty(name)
  })

  it('documents each constant with its run-time value', () => {
    const text = sdkText()
    const documented = [...text.matchAll(/\/\*\* (0x[0-9A-F]+|\d+) \*\/\ndeclare const (\w+):/g)]
    expect(documented.length).toBeGreaterThan(150)
    for (const [, value, name] of documented) {
      expect(
        (Number(value) | 0) === (Number(run.scope[name!]) | 0),
        `${name} is ${run.scope[name!]}, documented ${value}`,
      ).toBe(true)
    }
  })

  it('covers the names script-api.md requires in scope', () => {
    for (const name of [
      'NdisAllocatePacketPool',
      'NdisAllocatePacketPoolEx',
      'NdisReinitializePacket',
      'NdisCopyFromPacketToPacketSafe',
      'NDIS_PER_PACKET_INFO_FROM_PACKET',
      'NdisMIndicateReceivePacket',
      'NdisMSendComplete',
      'NdisMAllocateSharedMemory',
      'NdisMSynchronizeWithInterrupt',
      'NdisMSetPeriodicTimer',
      'NdisMQueryAdapterResources',
      'NdisReadNetworkAddress',
      'KeGetCurrentIrql',
      'OID_802_3_PERMANENT_ADDRESS',
      'NdisInterfacePci',
      'NDIS_ATTRIBUTE_DESERIALIZE',
      'PROTOCOL_RESERVED_SIZE_IN_PACKET',
    ]) {
      expect(declared.values).toContain(name)
    }
  })
})
