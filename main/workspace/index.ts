export { writeFileAtomic, removeStaleTemps } from './atomic-write'
export { AutosaveStore, Autosaver, type Recovery } from './autosave'
export { RecentFiles, RECENT_LIMIT } from './recent-files'
export {
  WORKSPACE_EXTENSION,
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  emptyWorkspace,
  type Workspace,
  type VerifierLevel,
} from './schema'
export {
  WorkspaceError,
  loadWorkspace,
  saveWorkspace,
  serializeWorkspace,
  storedPath,
  type OpenedWorkspace,
  type WorkspaceContent,
} from './workspace-file'
export {
  EditableFiles,
  MAX_TEXT_BYTES,
  SaveRefused,
  readTextFile,
  readWorkspaceTexts,
  workspaceMessage,
  type WorkspaceText,
} from './workspace-texts'
