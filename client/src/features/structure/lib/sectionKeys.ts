/**
 * Which outline entry is the section at the caret, by identity rather than position (positions move
 * with every keystroke, the entries are rebuilt only when the structure changes).
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { NODE } from '@shared/editor/structure/names';
import type { OutlineEntry } from './outlineEntries';

/** The identity of an outline entry: its id, else the unnumbered part, else its position. */
export function sectionKey(entry: OutlineEntry): string {
  if (entry.id) return `id:${entry.id}`;
  if (entry.kind === 'foreword' || entry.kind === 'bibliography') return `part:${entry.kind}`;
  return `pos:${entry.pos}`;
}

/** The identity (as `sectionKey`) of the section node `node` at `pos`. */
export function currentSectionKey(node: PMNode, pos: number): string {
  const id: unknown = node.attrs.id;
  if (typeof id === 'string' && id.length > 0) return `id:${id}`;
  const name = node.type.name;
  if (name === NODE.foreword || name === NODE.bibliography) return `part:${name}`;
  return `pos:${pos}`;
}
