/**
 * The structure feature's public entry: the standard's structure in the editor (extensions, node
 * views with their styles, toolbar, outline, cross-document numbering) and how to find and reveal a node.
 */
import './styles/structure.css';

export { FrozenDocument } from './components/FrozenDocument';
export type { FrozenDocumentProps } from './components/FrozenDocument';
export { StructureToolbar } from './components/StructureToolbar';
export { StructureProvider } from './context/StructureContext';
export { structureClientExtensions } from './extensions/clientExtensions';
export { JumpHighlight } from './extensions/jumpHighlight';
export { withStructureNodeViews } from './extensions/structureNodeViews';
export { useCrossDocumentLabels } from './hooks/useCrossDocumentLabels';
export { useCurrentSection } from './hooks/useCurrentSection';
export { useDeferredEditorState } from './hooks/useDeferredEditorState';
export { useEditable } from './hooks/useEditable';
export type { ExternalNumbering } from './hooks/useExternalNumbering';
export { useOutlineEntries } from './hooks/useOutlineEntries';
export { findNodeById, findTopLevel } from './lib/findNode';
export { jumpToEntry } from './lib/jumpToEntry';
export { sectionKey } from './lib/sectionKeys';
export type { OutlineEntry } from './lib/outlineEntries';
export { revealNode } from './lib/revealNode';
