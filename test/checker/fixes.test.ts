/**
 * Findings that carry a fix: running the fix's editor command on the text makes the finding go away
 * (structure.required-chapter-missing → insert the chapter at its place; references.order → sort).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { runChecker } from '@shared/checker/runChecker.js';
import type { Finding } from '@shared/checker/types.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { createEditor } from '../editor/editorHarness.js';
import { miniStandard } from './miniStandard.js';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function findings(e: Editor, ruleId: string): Finding[] {
  return runChecker(e.getJSON() as ProseMirrorJSON, 'standard').findings.filter((f) => f.ruleId === ruleId);
}

function applyFix(e: Editor, finding: Finding): boolean {
  const fix = finding.fix;
  if (!fix) return false;
  return fix.type === 'insert-chapter' ? e.commands.insertChapterInOrder(fix.role) : e.commands.sortReferences();
}

function withoutChapter(json: ProseMirrorJSON, role: string): ProseMirrorJSON {
  return { ...json, content: (json.content ?? []).filter((n) => !(n.type === 'chapter' && n.attrs?.role === role)) };
}

describe('finding fixes', () => {
  it('a missing required chapter offers to insert it, at its place in the chapter order', () => {
    editor = createEditor(withoutChapter(miniStandard(), 'test-methods'));
    const [missing] = findings(editor, 'structure.required-chapter-missing');
    expect(missing?.nodeId).toBeNull();
    expect(missing?.fix).toEqual({ type: 'insert-chapter', role: 'test-methods' });
    expect(applyFix(editor, missing!)).toBe(true);
    expect(findings(editor, 'structure.required-chapter-missing')).toEqual([]);
    expect(findings(editor, 'structure.chapter-order')).toEqual([]);
  });

  it('a normative reference out of order offers to sort chapter 2', () => {
    const json = miniStandard();
    const refs = (json.content ?? []).find((n) => n.attrs?.role === 'normative-references');
    const entries = refs?.content?.filter((n) => n.type === 'referenceEntry') ?? [];
    expect(entries.length).toBeGreaterThan(1);
    const others = refs?.content?.filter((n) => n.type !== 'referenceEntry') ?? [];
    if (refs) refs.content = [...others, ...[...entries].reverse()];
    editor = createEditor(json);
    const [order] = findings(editor, 'references.order');
    expect(order?.fix).toEqual({ type: 'sort-references' });
    expect(applyFix(editor, order!)).toBe(true);
    expect(findings(editor, 'references.order')).toEqual([]);
  });

  it('findings of other rules carry no fix', () => {
    editor = createEditor(withoutChapter(miniStandard(), 'test-methods'));
    const all = runChecker(editor.getJSON() as ProseMirrorJSON, 'standard').findings;
    expect(all.filter((f) => f.fix !== undefined).every((f) => f.ruleId === 'structure.required-chapter-missing')).toBe(
      true,
    );
  });
});
