// The Controller panel's snapshot of the Intel 82540EM on a real run of its reference miniport: the model, its
// registers with decoded bit fields, both rings, the EEPROM words with their checksum and the PHY registers.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { controllerSnapshot } from '../../../core/inspect/controller'
import { startRun } from '../../support/real-run'

const script = readFileSync(join(process.cwd(), 'examples', 'reference-82540em.ts'), 'utf8')

describe('inspection of a running 82540EM', () => {
  const run = startRun(script, { scenario: { name: 'one second', duration: '1s', controller: { model: '82540em' } } })
  run.advance(2_000)
  const c = controllerSnapshot(run.controller)

  it('names the model and decodes the fields the driver set (RCTL EN, BAM, SECRC; STATUS LU)', () => {
    expect(c.model).toBe('82540em')
    const rctl = c.registers.find((r) => r.name === 'RCTL')!
    expect(rctl.offset).toBe(0x100)
    const set = (name: string) => rctl.fields!.find((f) => f.name === name)!.value
    expect([set('EN'), set('BAM'), set('SECRC'), set('BSIZE')]).toEqual([1, 1, 1, 0])
    const status = c.registers.find((r) => r.name === 'STATUS')!
    expect(status.fields!.find((f) => f.name === 'LU')!.value).toBe(1)
    expect(c.linkUp).toBe(true)
  })

  it('lists the table entries the driver set and leaves out the empty ones', () => {
    expect(c.registers.find((r) => r.name === 'RAH[0]')!.value >>> 31).toBe(1)
    expect(c.registers.find((r) => r.name === 'MTA[0]')).toBeDefined()
    expect(c.registers.find((r) => r.name === 'MTA[5]')).toBeUndefined()
  })

  it('shows the receive ring the driver programmed and the frames received', () => {
    expect(c.rx.size).toBe(64)
    expect(c.rx.slots.length).toBe(64)
    expect(c.totals['rxFrames']).toBe(run.receivedFrames)
  })

  it('shows the EEPROM with a good checksum and the PHY identity', () => {
    expect(c.eeprom!.words).toHaveLength(64)
    expect(c.eeprom!.sum).toBe(0xbaba)
    expect(c.phy!.find((p) => p.name === 'PHY_ID1')!.value).toBe(0x0141)
  })

  it('carries the protocol’s packet filter and multicast list into RCTL and the MTA (reference miniport, SDM §3.2.1)', () => {
    const r = startRun(script, {
      scenario: {
        name: 'filter',
        duration: '1ms',
        controller: { model: '82540em' },
        protocol: { binding: { packetFilter: ['DIRECTED', 'MULTICAST'], multicast: ['01:00:5e:00:00:fb'] } },
      },
    })
    r.advance(2_000)
    const regs = controllerSnapshot(r.controller).registers
    const rctl = regs.find((x) => x.name === 'RCTL')!.fields!
    const field = (name: string) => rctl.find((f) => f.name === name)!.value
    expect([field('EN'), field('BAM'), field('MPE'), field('UPE')]).toEqual([1, 0, 0, 0])
    // 01:00:5e:00:00:fb: hash (0xfb00 >> 4) & 0xfff = 0xfb0 → MTA[125] bit 16
    expect(regs.find((x) => x.name === 'MTA[125]')!.value).toBe(1 << 16)
  })

  it('has no EEPROM or PHY for the WB-100', () => {
    const wb = startRun(undefined, { scenario: { name: 'wb', duration: '1ms' } })
    const s = controllerSnapshot(wb.controller)
    expect(s.model).toBe('wb100')
    expect(s.eeprom).toBeUndefined()
    expect(s.phy).toBeUndefined()
  })
})
