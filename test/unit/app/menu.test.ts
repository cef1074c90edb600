// Issue "Electron application": the application menu — File, Edit, View, Run, Help with the usual roles, the run keys
// of the product README (F5 run, F6 pause, F10 step, Shift+F5 stop) and Ctrl+O / Ctrl+S / Ctrl+Shift+S.
// Electron itself is the boundary we cannot launch here: the test reads the template the main process hands to
// Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { menuTemplate, type MenuActions, type RunMenuCommand } from '../../../main/app/menu'

function recorder() {
  const calls: string[] = []
  const actions: MenuActions = {
    newWorkspace: () => calls.push('new'),
    open: () => calls.push('open'),
    openRecent: (file) => calls.push(`recent ${file}`),
    clearRecent: () => calls.push('clear'),
    save: () => calls.push('save'),
    saveAs: () => calls.push('saveAs'),
    run: (command: RunMenuCommand) => calls.push(`run ${command}`),
    about: () => calls.push('about'),
  }
  return { calls, actions }
}

function items(menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return Array.isArray(menu.submenu) ? (menu.submenu as MenuItemConstructorOptions[]) : []
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = template.find((menu) => menu.label?.replace('&', '') === label)
  if (!found) throw new Error(`no ${label} menu`)
  return found
}

function click(item: MenuItemConstructorOptions | undefined): void {
  ;(item?.click as (() => void) | undefined)?.()
}

describe('application menu', () => {
  const recent = ['/home/u/a.nicws', '/home/u/b.nicws']

  it('has File, Edit, View, Run and Help in that order on Windows and Linux', () => {
    const { actions } = recorder()
    const labels = menuTemplate({ platform: 'linux', isPackaged: true, recent, actions }).map((menu) =>
      menu.label?.replace('&', ''),
    )
    expect(labels).toEqual(['File', 'Edit', 'View', 'Run', 'Help'])
  })

  it('puts the app menu first and a Window menu on macOS', () => {
    const { actions } = recorder()
    const template = menuTemplate({ platform: 'darwin', isPackaged: true, recent, actions })
    expect(template[0]!.role).toBe('appMenu')
    expect(template.map((menu) => menu.role)).toContain('windowMenu')
  })

  it('binds the run keys to the run commands without stealing them from the editor', () => {
    const { calls, actions } = recorder()
    const run = items(find(menuTemplate({ platform: 'win32', isPackaged: true, recent, actions }), 'Run'))
    expect(run.map((item) => item.accelerator)).toEqual(['F5', 'F6', 'F10', 'Shift+F5'])
    expect(run.every((item) => item.registerAccelerator === false)).toBe(true)
    for (const item of run) click(item)
    expect(calls).toEqual(['run run', 'run pause', 'run step', 'run stop'])
  })

  it('opens and saves workspaces with Ctrl+O, Ctrl+S and Ctrl+Shift+S', () => {
    const { calls, actions } = recorder()
    const file = items(find(menuTemplate({ platform: 'linux', isPackaged: true, recent, actions }), 'File'))
    const byKey = (key: string) => file.find((item) => item.accelerator === key)
    click(byKey('CmdOrCtrl+O'))
    click(byKey('CmdOrCtrl+S'))
    click(byKey('CmdOrCtrl+Shift+S'))
    expect(calls).toEqual(['open', 'save', 'saveAs'])
    expect(file.at(-1)!.role).toBe('quit')
  })

  it('lists recent workspaces, newest first, each opening its file', () => {
    const { calls, actions } = recorder()
    const file = items(find(menuTemplate({ platform: 'linux', isPackaged: true, recent, actions }), 'File'))
    const openRecent = items(file.find((item) => item.label === 'Open &Recent')!)
    expect(openRecent.slice(0, 2).map((item) => item.label)).toEqual(['a.nicws', 'b.nicws'])
    click(openRecent[1])
    expect(calls).toEqual(['recent /home/u/b.nicws'])
  })

  it('uses the standard edit roles', () => {
    const { actions } = recorder()
    const edit = items(find(menuTemplate({ platform: 'linux', isPackaged: true, recent, actions }), 'Edit'))
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
  })

  it('offers developer tools only in an unpackaged build', () => {
    const { actions } = recorder()
    const roles = (isPackaged: boolean) =>
      items(find(menuTemplate({ platform: 'linux', isPackaged, recent, actions }), 'View')).map((item) => item.role)
    expect(roles(true)).not.toContain('toggleDevTools')
    expect(roles(false)).toContain('toggleDevTools')
  })

  it('has an About item in Help', () => {
    const { calls, actions } = recorder()
    click(items(find(menuTemplate({ platform: 'linux', isPackaged: true, recent, actions }), 'Help'))[0])
    expect(calls).toEqual(['about'])
  })
})
