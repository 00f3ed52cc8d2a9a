import { useEffect, useMemo } from 'react';
import { Alert, Flex, Spin, Tag, Typography } from 'antd';
import { EditorContent, useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { SnapshotView } from '@shared/api/consultation';
import { documentExtensions } from '@shared/editor/extensions';
import { formatDateTime } from '../../../lib/format';
import { JumpHighlight, findNodeById, revealNode, StructureProvider, withStructureNodeViews } from '../../structure';
// The GB/T 1.1 typography of chapters, clauses, numbers and annexes (shared with the editor).
import '../styles/consultation.css';

/**
 * The frozen 征求意见稿, read-only, rendered like the live editor: the same extension list (so the
 * same schema and numbering decorations — the numbers shown are those the snapshot's labels were
 * computed from) with the same node views (the cover form, the generated 目次, the drafting
 * credits, figures), without collaboration. The credits are those frozen with the draft.
 */
export function SnapshotViewer({
  snapshot,
  focusNodeId = null,
}: {
  snapshot: SnapshotView /** Scroll to and mark this node (by stable id). */;
  focusNodeId?: string | null;
}) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [...withStructureNodeViews(documentExtensions()), JumpHighlight],
      content: snapshot.json,
      editable: false,
      editorProps: {
        attributes: { class: 'standard-page__content', lang: 'zh-CN', 'aria-label': t('consultation.snapshot.title') },
      },
    },
    [snapshot.roundId],
  );
  useEffect(() => {
    if (!editor || !focusNodeId) return;
    const found = findNodeById(editor.state.doc, focusNodeId);
    // After the tab is laid out, so that the scroll lands.
    if (found) requestAnimationFrame(() => revealNode(editor, found.pos));
  }, [editor, focusNodeId]);
  // The credits frozen with the draft (older snapshots: the drafting group's current ones).
  const structure = useMemo(
    () => ({ projectId: snapshot.projectId, frozenCredits: snapshot.draftingCredits }),
    [snapshot.projectId, snapshot.draftingCredits],
  );

  const page = (
    <article className="standard-page consultation-snapshot" data-testid="round-snapshot" data-editable="false">
      <EditorContent editor={editor} />
    </article>
  );
  return (
    <Flex vertical gap={12}>
      <Alert
        type="info"
        showIcon
        title={
          <span>
            <Tag color="geekblue">{snapshot.stageLabel}</Tag>
            {t('consultation.snapshot.frozenAt', { date: formatDateTime(snapshot.createdAt) })}
          </span>
        }
      />
      {editor ? (
        <StructureProvider value={structure}>{page}</StructureProvider>
      ) : (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      )}
      <Typography.Text type="secondary">{t('consultation.snapshot.readOnly')}</Typography.Text>
    </Flex>
  );
}

export default SnapshotViewer;
