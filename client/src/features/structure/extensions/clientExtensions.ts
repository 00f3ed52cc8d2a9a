/** Client-only extensions of the structured editor (no schema: decorations only). */
import type { AnyExtension } from '@tiptap/core';
import { ExternalCrossRefLabels } from './externalCrossRefLabels';
import { JumpHighlight } from './jumpHighlight';

export function structureClientExtensions(): AnyExtension[] {
  return [ExternalCrossRefLabels, JumpHighlight];
}
