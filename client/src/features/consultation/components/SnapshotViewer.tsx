import { Alert, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SnapshotView } from '@shared/api/consultation';
import { formatDateTime } from '../../../lib/format';
import { FrozenDocument } from '../../structure';
// The GB/T 1.1 typography of chapters, clauses, numbers and annexes (shared with the editor).
import '../styles/consultation.css';

/**
 * The frozen 征求意见稿, read-only, rendered like the live editor (`FrozenDocument`: the numbers
 * shown are those the snapshot's labels were computed from). The credits are those frozen with the draft.
 */
export function SnapshotViewer({
  snapshot,
  focusNodeId = null,
}: {
  snapshot: SnapshotView /** Scroll to and mark this node (by stable id). */;
  focusNodeId?: string | null;
}) {
  const { t } = useTranslation();
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
      {/* The credits frozen with the draft (older snapshots: the drafting group's current ones). */}
      <FrozenDocument
        content={snapshot.json}
        projectId={snapshot.projectId}
        frozenCredits={snapshot.draftingCredits}
        contentKey={snapshot.roundId}
        focusNodeId={focusNodeId}
        ariaLabel={t('consultation.snapshot.title')}
        className="consultation-snapshot"
        testId="round-snapshot"
      />
      <Typography.Text type="secondary">{t('consultation.snapshot.readOnly')}</Typography.Text>
    </Flex>
  );
}

export default SnapshotViewer;
