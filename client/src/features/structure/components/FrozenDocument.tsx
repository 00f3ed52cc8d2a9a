import { useEffect, useMemo } from 'react';
import { Flex, Spin } from 'antd';
import { EditorContent, useEditor } from '@tiptap/react';
import type { DraftingCredits } from '@shared/domain/draftingCredits';
import { documentExtensions } from '@shared/editor/extensions';
import type { ProseMirrorJSON } from '@shared/editor/json';
import { StructureProvider } from '../context/StructureContext';
import { JumpHighlight } from '../extensions/jumpHighlight';
import { withStructureNodeViews } from '../extensions/structureNodeViews';
import { findNodeById } from '../lib/findNode';
import { revealNode } from '../lib/revealNode';

export interface FrozenDocumentProps {
  content: ProseMirrorJSON;
  projectId: string;
  /** The foreword's credits frozen with the text (null: the drafting group's current ones). */
  frozenCredits: DraftingCredits | null | undefined;
  /** What is shown (a round, a version): the editor is built again when it changes. */
  contentKey: string;
  /** Scroll to and mark this node (by stable id). */
  focusNodeId?: string | null;
  ariaLabel: string;
  className?: string;
  testId?: string;
}

/**
 * A frozen text (a round's 征求意见稿, a submitted 送审稿), read-only, rendered like the live editor:
 * the same extension list (the same schema and numbering decorations) with the same node views (the
 * cover form, the generated 目次, the drafting credits, figures), without collaboration.
 */
export function FrozenDocument({
  content,
  projectId,
  frozenCredits,
  contentKey,
  focusNodeId = null,
  ariaLabel,
  className = '',
  testId,
}: FrozenDocumentProps) {
  const editor = useEditor(
    {
      extensions: [...withStructureNodeViews(documentExtensions()), JumpHighlight],
      content,
      editable: false,
      editorProps: { attributes: { class: 'standard-page__content', lang: 'zh-CN', 'aria-label': ariaLabel } },
    },
    [contentKey],
  );
  useEffect(() => {
    if (!editor || !focusNodeId) return;
    const found = findNodeById(editor.state.doc, focusNodeId);
    // After the page is laid out, so that the scroll lands.
    if (found) requestAnimationFrame(() => revealNode(editor, found.pos));
  }, [editor, focusNodeId]);
  const structure = useMemo(() => ({ projectId, frozenCredits }), [projectId, frozenCredits]);
  if (!editor) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  return (
    <StructureProvider value={structure}>
      <article className={`standard-page ${className}`.trim()} data-testid={testId} data-editable="false">
        <EditorContent editor={editor} />
      </article>
    </StructureProvider>
  );
}
