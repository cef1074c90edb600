// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import StatusBar from '../../../renderer/src/components/frame/StatusBar.vue'
import TitleBar from '../../../renderer/src/components/frame/TitleBar.vue'

describe('StatusBar', () => {
  it('names the host when connected and shows the cursor', () => {
    const bar = mount(StatusBar, {
      props: { connection: 'connected', hostLabel: 'serve · v0.1.0', line: 12, column: 5, error: null },
    })
    expect(bar.get('[data-testid="connection"]').text()).toBe('engine host: serve · v0.1.0')
    expect(bar.get('[data-testid="cursor"]').text()).toBe('Ln 12, Col 5')
    expect(bar.classes()).toContain('connected')
  })

  it('says why the host is offline', () => {
    const bar = mount(StatusBar, {
      props: { connection: 'offline', hostLabel: '', line: 1, column: 1, error: 'cannot reach the workbench host' },
    })
    expect(bar.get('[data-testid="connection"]').text()).toBe('engine host offline — cannot reach the workbench host')
    expect(bar.classes()).toContain('offline')
  })
})

describe('TitleBar', () => {
  it('marks unsaved changes', async () => {
    const bar = mount(TitleBar, { props: { fileName: 'driver.ts', dirty: false } })
    expect(bar.get('.product').text()).toBe('NIC Workbench')
    expect(bar.get('.file').text()).toBe('driver.ts')
    expect(bar.find('.dirty').exists()).toBe(false)
    await bar.setProps({ dirty: true })
    expect(bar.find('.dirty').exists()).toBe(true)
  })
})
