/**
 * A finding's fix (shared/checker/types.ts `FindingFix`): read from the network, and run as an
 * editor command on the caller's own text, so the change is theirs like any other edit.
 */
import type { Editor } from '@tiptap/react';
import type { FindingFix } from '@shared/checker/types';
import { isChapterRole } from '@shared/editor/structure/names';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The fix of a finding received over the network, or null when absent or malformed. */
export function readFix(value: unknown): FindingFix | null {
  if (!isRecord(value)) return null;
  if (value.type === 'sort-references') return { type: 'sort-references' };
  if (value.type === 'insert-chapter' && isChapterRole(value.role)) return { type: 'insert-chapter', role: value.role };
  return null;
}

/** Whether the fix can run on the editor's current text. */
export function canApplyFix(editor: Editor, fix: FindingFix): boolean {
  if (editor.isDestroyed || !editor.isEditable) return false;
  return fix.type === 'insert-chapter' ? editor.can().insertChapterInOrder(fix.role) : editor.can().sortReferences();
}

/** Runs the fix (the cursor goes to what it inserted); false when it does not apply. */
export function applyFix(editor: Editor, fix: FindingFix): boolean {
  if (!canApplyFix(editor, fix)) return false;
  const chain = editor.chain().focus();
  return fix.type === 'insert-chapter' ? chain.insertChapterInOrder(fix.role).run() : chain.sortReferences().run();
}
