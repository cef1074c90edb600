// Issue "Electron application": single instance — a second launch with a workspace opens it in the first; the
// command line and the file associations open a workspace. Electron itself is the boundary we cannot launch here:
// `app` is an object with Electron's method names, and its events are emitted the way Electron emits them.
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { claimSingleInstance, workspaceArgument } from '../../../main/app/single-instance'

function fakeApp(lock: boolean) {
  const listeners = new Map<string, (...args: unknown[]) => void>()
  const app = {
    quitCalled: false,
    requestSingleInstanceLock: () => lock,
    quit() {
      app.quitCalled = true
    },
    on(name: string, listener: (...args: unknown[]) => void) {
      listeners.set(name, listener)
      return app
    },
  }
  return { app, listeners }
}

describe('workspace named on the command line', () => {
  it('finds the workspace among Electron and Chromium switches, made absolute', () => {
    const argv = ['/opt/nic-workbench/nic-workbench', '--no-sandbox', 'projects/driver.nicws', '--enable-logging']
    expect(workspaceArgument(argv, '/home/u')).toBe(resolve('/home/u', 'projects/driver.nicws'))
  })

  it('takes no other file and not the executable itself', () => {
    expect(workspaceArgument(['/x/app.nicws'], '/home/u')).toBeNull()
    expect(workspaceArgument(['app', 'driver.ts', '--flag=a.nicws'], '/home/u')).toBeNull()
  })
})

describe('single instance', () => {
  it('a second instance hands over and quits', () => {
    const { app } = fakeApp(false)
    expect(claimSingleInstance(app as never, () => undefined)).toBe(false)
    expect(app.quitCalled).toBe(true)
  })

  it("the first instance opens the second's workspace, or just comes forward", () => {
    const { app, listeners } = fakeApp(true)
    const opened: Array<string | null> = []
    expect(claimSingleInstance(app as never, (file) => opened.push(file))).toBe(true)
    listeners.get('second-instance')!({}, ['nic-workbench', 'b.nicws'], '/home/u/work')
    listeners.get('second-instance')!({}, ['nic-workbench'], '/home/u/work')
    let prevented = false
    listeners.get('open-file')!({ preventDefault: () => (prevented = true) }, '/Users/u/c.nicws')
    expect(opened).toEqual([join('/home/u/work', 'b.nicws'), null, resolve('/Users/u/c.nicws')])
    expect(prevented).toBe(true)
    expect(app.quitCalled).toBe(false)
  })
})
