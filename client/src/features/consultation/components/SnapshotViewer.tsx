import { Alert, Flex, Spin, Tag, Typography } from 'antd';
import { EditorContent, useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { SnapshotView } from '../../../../../shared/api/consultation';
import { documentExtensions } from '../../../../../shared/editor/extensions';
import { formatDateTime } from '../../../lib/format';
// The GB/T 1.1 typography of chapters, clauses, numbers and annexes (shared with the editor).
import '../../structure/styles/structure.css';
import '../styles/consultation.css';

/**
 * The frozen 征求意见稿, read-only: the same extension list as the editor (so the same schema and the
 * same numbering decorations: the numbers shown are those the snapshot's labels were computed from),
 * without collaboration.
 */
export function SnapshotViewer({ snapshot }: { snapshot: SnapshotView }) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: documentExtensions(),
      content: snapshot.json,
      editable: false,
      editorProps: {
        attributes: { class: 'standard-page__content', lang: 'zh-CN', 'aria-label': t('consultation.snapshot.title') },
      },
    },
    [snapshot.roundId],
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
        <article className="standard-page consultation-snapshot" data-testid="round-snapshot" data-editable="false">
          <EditorContent editor={editor} />
        </article>
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
