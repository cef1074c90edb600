// @vitest-environment happy-dom
// The views' behaviour: what a driver author sees and what a click does.
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import PoolsView from '../../../renderer/src/components/pools/PoolsView.vue'
import OwnershipHistory from '../../../renderer/src/components/packets/OwnershipHistory.vue'
import ControllerView from '../../../renderer/src/components/controller/ControllerView.vue'
import HexView from '../../../renderer/src/components/packets/HexView.vue'
import BufferChain from '../../../renderer/src/components/packets/BufferChain.vue'
import DecodeTree from '../../../renderer/src/components/packets/DecodeTree.vue'
import DescriptorFields from '../../../renderer/src/components/packets/DescriptorFields.vue'
import PacketsView from '../../../renderer/src/components/packets/PacketsView.vue'
import ProblemsView from '../../../renderer/src/components/problems/ProblemsView.vue'
import BugCheckScreen from '../../../renderer/src/components/problems/BugCheckScreen.vue'
import TraceView from '../../../renderer/src/components/trace/TraceView.vue'
import StatusBar from '../../../renderer/src/components/frame/StatusBar.vue'
import TitleBar from '../../../renderer/src/components/frame/TitleBar.vue'
import { useRunStore } from '../../../renderer/src/stores/run'
import { useEditorStore } from '../../../renderer/src/stores/editor'
import { useInspectStore } from '../../../renderer/src/stores/inspect'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { finding, pool, scriptedHost, stats, udpPacket, type ScriptedHost } from './fixtures/host'

let host: ScriptedHost
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  localStorage.clear()
  host = scriptedHost()
  window.workbench = host
  setActivePinia(createPinia())
})

describe('StatusBar', () => {
  it('names the host when connected and shows the cursor', () => {
    const bar = mount(StatusBar, {
      props: { connection: 'connected', hostLabel: 'serve · v0.1.0', line: 12, column: 5, error: null },
    })
    expect(bar.get('[data-testid="connection"]').text()).toBe('engine host: serve · v0.1.0')
    expect(bar.get('[data-testid="cursor"]').text()).toBe('Ln 12, Col 5')
    expect(bar.get('[data-testid="run-state"]').text()).toBe('idle')
    expect(bar.classes()).toContain('connected')
  })

  it('says why the host is offline', () => {
    const bar = mount(StatusBar, {
      props: { connection: 'offline', hostLabel: '', line: 1, column: 1, error: 'cannot reach the workbench host' },
    })
    expect(bar.get('[data-testid="connection"]').text()).toBe('engine host offline — cannot reach the workbench host')
    expect(bar.classes()).toContain('offline')
  })

  it('shows virtual time, frames/s, interrupts/s and why a run ended', () => {
    const bar = mount(StatusBar, {
      props: {
        connection: 'connected',
        hostLabel: '',
        line: 1,
        column: 1,
        error: null,
        stats: stats({ state: 'ended', stopReason: 'duration reached' }),
      },
    })
    expect(bar.get('[data-testid="virtual-time"]').text()).toBe('t = 1.500 ms')
    expect(bar.get('[data-testid="frames-per-second"]').text()).toBe('10.0k frames/s')
    expect(bar.get('[data-testid="interrupts-per-second"]').text()).toBe('2.00k int/s')
    expect(bar.get('[data-testid="run-state"]').text()).toBe('ended: duration reached')
  })
})

describe('TitleBar', () => {
  it('marks unsaved changes', async () => {
    const bar = mount(TitleBar, { props: { fileName: 'driver.ts', dirty: false } })
    expect(bar.get('.product').text()).toBe('NIC Workbench')
    expect(bar.find('.dirty').exists()).toBe(false)
    await bar.setProps({ dirty: true })
    expect(bar.find('.dirty').exists()).toBe(true)
  })
})

describe('PoolsView', () => {
  it('shows a row per pool with its figures, an exhausted pool at a glance, and jumps to the allocating line', async () => {
    const run = useRunStore()
    run.receive(
      stats({
        pools: [
          pool(),
          pool({
            handle: 0x80001400,
            inUse: 32,
            free: 0,
            highWater: 32,
            failures: 5,
            createdAt: { file: 'miniport.ts', line: 77, column: 3 },
          }),
        ],
      }),
    )
    const view = mount(PoolsView)
    const rows = view.findAll('[data-testid="pool-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.get('[data-testid="pool-in-use"]').text()).toBe('10')
    expect(rows[0]!.find('[data-testid="pool-health"]').exists()).toBe(false)
    expect(rows[1]!.classes()).toContain('exhausted')
    expect(rows[1]!.get('[data-testid="pool-health"]').text()).toBe('exhausted · 5 failed')
    expect(rows[1]!.get('.fill').attributes('style')).toContain('width: 100%')
    await rows[1]!.get('[data-testid="pool-site"]').trigger('click')
    expect(useEditorStore().reveal).toMatchObject({ line: 77, column: 3, document: 'script' })
  })

  it('a pre-allocating driver’s full pool is no warning; what is lent to the protocol is shown', () => {
    useRunStore().receive(
      stats({ pools: [pool({ inUse: 64, free: 0, highWater: 64, heldByProtocol: 15, failures: 0 })] }),
    )
    const row = mount(PoolsView).get('[data-testid="pool-row"]')
    expect(row.classes()).toContain('full')
    expect(row.find('[data-testid="pool-health"]').exists()).toBe(false)
    expect(row.get('[data-testid="pool-all-allocated"]').text()).toBe('all allocated')
    expect(row.get('[data-testid="pool-lent"]').text()).toBe('15')
    expect(row.get('[data-testid="pool-driver"]').text()).toBe('49')
    expect(row.get('[data-testid="sparkline"]').text()).toContain('64')
  })

  it('draws each pool’s sparkline from the pushed history', async () => {
    const run = useRunStore()
    const view = mount(PoolsView)
    for (const inUse of [0, 32, 64]) run.receive(stats({ pools: [pool({ inUse, free: 64 - inUse })] }))
    await nextTick()
    const points = view.get('polyline').attributes('points')!.split(' ')
    expect(points).toHaveLength(3)
    expect(points[2]).toMatch(/^90\.0,0\.0$/)
  })
})

describe('packet inspector parts', () => {
  const packet = udpPacket()

  it('highlights the selected bytes and reports the buffer of a clicked byte', async () => {
    const view = mount(HexView, {
      props: { bytes: packet.bytes, chain: packet.chain, selection: { start: 12, length: 2 } },
    })
    const lit = view.findAll('.byte.lit').map((b) => b.text())
    expect(lit).toEqual(['08', '00'])
    expect(view.findAll('.byte.boundary').map((b) => b.attributes('data-offset'))).toEqual(['14'])
    await view.get('[data-offset="20"]').trigger('click')
    expect(view.emitted('selectBuffer')).toEqual([[1]])
  })

  it('draws the chain as boxes with address, offset and length, ending in NULL', () => {
    const view = mount(BufferChain, { props: { chain: packet.chain, highlighted: [1] } })
    const boxes = view.findAll('[data-testid="chain-buffer"]')
    expect(boxes.map((b) => b.get('.addr').text())).toEqual(['0x80003000', '0x80003040'])
    expect(boxes[1]!.text()).toContain('off 14 len 46')
    expect(boxes[1]!.classes()).toContain('lit')
    expect(view.get('.null').text()).toBe('NULL')
  })

  it('selects a decode field’s bytes and folds a header', async () => {
    const view = mount(DecodeTree, { props: { nodes: packet.decode, selection: null } })
    const nodes = () => view.findAll('[data-testid="decode-node"]')
    expect(nodes().map((n) => n.text())).toContain('Source: 10.0.0.1')
    await nodes()
      .find((n) => n.text().includes('Source'))!
      .trigger('click')
    expect(view.emitted('select')).toEqual([[26, 4]])
    await view.get('.twisty').trigger('click')
    expect(nodes().map((n) => n.text())).not.toContain('Type: IPv4 (0x0800)')
  })

  it('shows descriptor fields with offsets and makes handles links', async () => {
    const view = mount(DescriptorFields, { props: { fields: packet.fields } })
    expect(view.findAll('tbody tr')[1]!.text()).toContain('0x00c')
    await view.get('[data-testid="field-link-buffer"]').trigger('click')
    expect(view.emitted('link')).toEqual([['buffer', 0x80003000]])
  })

  it('groups packets by owner and opens one; the pool link focuses the pool', async () => {
    host.packets = [packet.summary]
    host.details.set(packet.summary.address, packet)
    const view = mount(PacketsView)
    await flush()
    await nextTick()
    await view.get('[data-testid="packet-row"]').trigger('click')
    await flush()
    expect(view.get('[data-testid="packet-detail"]').text()).toContain('NDIS_PACKET 0x80002000')
    expect(view.findAll('[data-testid="chain-buffer"]')).toHaveLength(2)
    await view.get('[data-testid="packet-pool-link"]').trigger('click')
    expect(useInspectStore().focusedPool).toBe(0x80001000)
    expect(useSettingsStore().settings.sideTab).toBe('pools')
    await view.get('[data-testid="packet-trace-link"]').trigger('click')
    expect(useInspectStore().traceArg).toBe(0x80002000)
    expect(useSettingsStore().settings.bottomTab).toBe('trace')
    view.unmount()
  })
})

describe('ProblemsView and the bug-check screen', () => {
  it('lists findings with code, four parameters and their meanings; clicks jump to the line or the allocation', async () => {
    host.findings = [finding()]
    const run = useRunStore()
    run.receive(stats({ findingCount: 1 }))
    await flush()
    const view = mount(ProblemsView)
    const row = view.get('[data-testid="finding-row"]')
    expect(row.text()).toContain('0xC4')
    expect(row.text()).toContain('Double free')
    expect(row.get('.params').text()).toContain('P2 0x80002000 packet')
    expect(row.get('[data-testid="finding-line"]').text()).toBe('miniport.ts:42')
    await row.trigger('click')
    expect(useEditorStore().reveal).toMatchObject({ line: 42 })
    await row.get('[data-testid="finding-allocated"]').trigger('click')
    expect(useEditorStore().reveal).toMatchObject({ line: 30 })
  })

  it('shows the STOP line and parameters, and a way back to the source', async () => {
    const view = mount(BugCheckScreen, {
      props: {
        bugCheck: {
          rule: 'R7',
          code: '0x000000C4',
          name: 'DRIVER_VERIFIER_DETECTED_VIOLATION',
          params: ['0x1', '0x2', '0x3', '0x4'],
          paramMeanings: ['a', 'b', 'c', 'd'],
          message: 'double free',
          at: { file: 'miniport.ts', line: 42, column: 1 },
        },
      },
    })
    expect(view.text()).toContain('*** STOP: 0x000000C4 (0x1, 0x2, 0x3, 0x4)')
    await view.get('[data-testid="bugcheck-reveal"]').trigger('click')
    expect(view.emitted('reveal')).toEqual([[42, 1]])
  })
})

describe('TraceView', () => {
  it('filters by kind with chips', async () => {
    host.trace = [
      { seq: 0, timeNs: 0, kind: 'api', name: 'NdisAllocatePacket', arg: 1, at: null },
      { seq: 1, timeNs: 5, kind: 'irq', name: 'MiniportISR', arg: 0, at: null },
    ]
    const view = mount(TraceView)
    await flush()
    await nextTick()
    expect(view.findAll('[data-testid="trace-row"]')).toHaveLength(2)
    await view
      .findAll('[data-testid="trace-kind"]')
      .find((c) => c.text() === 'irq')!
      .trigger('click')
    expect(view.findAll('[data-testid="trace-row"]').map((r) => r.get('.name').text())).toEqual(['MiniportISR'])
    view.unmount()
  })
})

describe('Problems under a stop', () => {
  const watchdog = {
    rule: 'R15',
    code: '0x133',
    name: 'DPC_WATCHDOG_VIOLATION',
    params: ['0x00000000', '0x00000bb8', '0x00000bb8', '0x00000000'] as [string, string, string, string],
    paramMeanings: ['0', 'time it ran (ms)', 'its allotment (ms)', '0'] as [string, string, string, string],
    message: 'MiniportInitialize did not return: stopped after 3000 ms of wall-clock time',
    at: { file: 'miniport.ts', line: 17, column: 3 },
  }

  it('lists a watchdog stop (no finding stands for it) with its line, and counts it', async () => {
    const run = useRunStore()
    run.receive(stats({ state: 'ended', stopReason: 'watchdog', bugCheck: watchdog }))
    await flush()
    const view = mount(ProblemsView)
    const row = view.get('[data-testid="stop-row"]')
    expect(row.text()).toContain('0x133')
    expect(row.text()).toContain('DPC_WATCHDOG_VIOLATION')
    expect(row.text()).toContain('MiniportInitialize did not return')
    expect(view.text()).not.toContain('No problems')
    await row.trigger('click')
    expect(useEditorStore().reveal).toMatchObject({ line: 17, column: 3 })
  })

  it('lists a bug check once when its finding is listed', async () => {
    host.findings = [finding({ rule: 'R15', bugCheck: true, at: watchdog.at })]
    const run = useRunStore()
    run.receive(stats({ state: 'ended', stopReason: 'bugcheck', bugCheck: watchdog, findingCount: 1 }))
    await flush()
    const view = mount(ProblemsView)
    expect(view.findAll('[data-testid="finding-row"]')).toHaveLength(1)
    expect(view.find('[data-testid="stop-row"]').exists()).toBe(false)
  })

  it('says why the miniport did not start', async () => {
    const run = useRunStore()
    run.receive(
      stats({
        state: 'ended',
        stopReason: 'init-failed',
        newLog: [
          {
            timeNs: 0,
            text: 'the miniport did not start: DriverEntry returned NDIS_STATUS_BAD_CHARACTERISTICS (0xC0010005)',
          },
        ],
      }),
    )
    await flush()
    const view = mount(ProblemsView)
    expect(view.get('[data-testid="start-failure"]').text()).toContain('DriverEntry returned')
    expect(view.text()).not.toContain('No problems')
  })
})

describe('TraceView search and headers', () => {
  it('has column headers and finds rows by name, kind or source line', async () => {
    host.trace = [
      {
        seq: 0,
        timeNs: 0,
        kind: 'api',
        name: 'NdisAllocatePacket',
        arg: 1,
        at: { file: 'miniport.ts', line: 77, column: 3 },
      },
      { seq: 1, timeNs: 5, kind: 'irq', name: 'MiniportISR', arg: 0, at: null },
      { seq: 2, timeNs: 9, kind: 'api', name: 'NdisMIndicateReceivePacket', arg: 0, at: null },
    ]
    const view = mount(TraceView)
    await flush()
    await nextTick()
    expect(
      view
        .get('[data-testid="trace-head"]')
        .findAll('span')
        .map((h) => h.text()),
    ).toEqual(['seq', 'time', 'kind', 'event', 'arg', 'source'])
    await view.get('[data-testid="trace-search"]').setValue('indicate')
    expect(view.findAll('[data-testid="trace-row"]').map((r) => r.get('.name').text())).toEqual([
      'NdisMIndicateReceivePacket',
    ])
    await view.get('[data-testid="trace-search"]').setValue('miniport.ts:77')
    expect(view.findAll('[data-testid="trace-row"]').map((r) => r.get('.name').text())).toEqual(['NdisAllocatePacket'])
    view.unmount()
  })
})

describe('ControllerView', () => {
  it('lists each controller statistic once, with the newest value', async () => {
    const ring = (which: 'rx' | 'tx') => ({
      ring: which,
      base: 0,
      size: 0,
      head: 0,
      tail: 0,
      hardwareOwned: 0,
      slots: [],
    })
    host.getController = async () => ({
      model: 'wb100',
      registers: [],
      rx: ring('rx'),
      tx: ring('tx'),
      totals: { rxFrames: 5, txFrames: 1, rxFifoDepth: 3 },
      linkUp: true,
      interruptAsserted: false,
    })
    useRunStore().receive(stats({ state: 'paused', nic: { rxFrames: 7, txFrames: 1 } }))
    const view = mount(ControllerView)
    await flush()
    await nextTick()
    const rows = view.findAll('[data-testid="controller-stat"]').map((r) =>
      r
        .findAll('td')
        .map((d) => d.text())
        .join(' '),
    )
    expect(rows).toEqual(['rxFrames 7', 'txFrames 1', 'rxFifoDepth 3'])
    view.unmount()
  })
})

describe('OwnershipHistory', () => {
  it('lists newest first, and says at which verifier level it is kept when there is none', () => {
    const at = (line: number) => ({ file: 'miniport.ts', line, column: 1 })
    const view = mount(OwnershipHistory, {
      props: {
        level: 'full',
        history: [
          { timeNs: 1_000, event: 'allocated', at: at(30) },
          { timeNs: 2_000, event: 'indicated', at: at(51) },
          { timeNs: 3_000, event: 'returned', at: null },
        ],
      },
    })
    expect(view.findAll('tbody tr').map((r) => r.findAll('td')[1]!.text())).toEqual([
      'returned',
      'indicated',
      'allocated',
    ])
    const empty = mount(OwnershipHistory, { props: { level: 'standard', history: [] } })
    expect(empty.get('[data-testid="ownership-hint"]').text()).toContain('kept at verifier level full')
    expect(empty.find('[data-testid="ownership-history"]').exists()).toBe(false)
  })
})
