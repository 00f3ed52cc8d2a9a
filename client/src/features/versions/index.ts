/** The versions feature's public entry: the version list with naming, comparing and restoring. */
export { VersionsPanel } from './components/VersionsPanel';
export type { VersionsPanelProps } from './components/VersionsPanel';
