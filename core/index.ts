// Public surface of core/: pure TypeScript, no host APIs (see ARCHITECTURE.md).
export * from './ndis/status'
