// Issue "Electron application": the about box names the versions; the open and save dialogs look for workspaces.
// Electron itself is the boundary we cannot launch here: `dialog` is an object with Electron's method names.
import { describe, expect, it } from 'vitest'
import { aboutBox, aboutPanel } from '../../../main/app/about'
import {
  chooseWorkspaceToOpen,
  chooseWorkspaceToSave,
  openWorkspaceOptions,
  withWorkspaceExtension,
} from '../../../main/app/dialogs'

const VERSIONS = { electron: '41.7.1', chrome: '146.0.7680.0', node: '24.11.1', v8: '14.6.202' }

describe('about box', () => {
  it('shows the product version and the Electron, Chromium, Node and V8 versions', () => {
    const box = aboutBox('0.1.0', VERSIONS)
    expect(box.message).toBe('NIC Workbench 0.1.0')
    for (const version of Object.values(VERSIONS)) expect(box.detail).toContain(version)
    expect(aboutPanel('0.1.0', VERSIONS)).toMatchObject({
      applicationName: 'NIC Workbench',
      applicationVersion: '0.1.0',
    })
  })
})

describe('workspace dialogs', () => {
  it('filter on .nicws and return the chosen file, or null when cancelled', async () => {
    expect(openWorkspaceOptions().filters?.[0]?.extensions).toEqual(['nicws'])
    const window = {} as never
    const open = (filePaths: string[], canceled: boolean) => ({
      showOpenDialog: async () => ({ canceled, filePaths }),
    })
    expect(await chooseWorkspaceToOpen(open(['/w/a.nicws'], false), window)).toBe('/w/a.nicws')
    expect(await chooseWorkspaceToOpen(open([], true), window)).toBeNull()
    const save = (filePath: string | undefined, canceled: boolean) => ({
      showSaveDialog: async () => ({ canceled, filePath: filePath as string }),
    })
    expect(await chooseWorkspaceToSave(save('/w/new', false), window)).toBe('/w/new.nicws')
    expect(await chooseWorkspaceToSave(save(undefined, true), window)).toBeNull()
  })

  it('adds the extension only when the name has none', () => {
    expect(withWorkspaceExtension('/w/driver')).toBe('/w/driver.nicws')
    expect(withWorkspaceExtension('/w/driver.nicws')).toBe('/w/driver.nicws')
    expect(withWorkspaceExtension('/w/driver.json')).toBe('/w/driver.json')
  })
})
