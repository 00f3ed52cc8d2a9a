/** Client-only extensions of the structured editor (no schema: decorations only). */
import type { AnyExtension } from '@tiptap/core';
import i18next from 'i18next';
import { EmptyPartHints } from './emptyPartHints';
import type { HintKey } from './emptyPartHints';
import { ExternalCrossRefLabels } from './externalCrossRefLabels';
import { JumpHighlight } from './jumpHighlight';

const hint = (key: HintKey): string => i18next.t(`structure.hints.${key}`);

export function structureClientExtensions(): AnyExtension[] {
  return [ExternalCrossRefLabels, JumpHighlight, EmptyPartHints.configure({ hint })];
}
