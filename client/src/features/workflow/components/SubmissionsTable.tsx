import { Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubmissionView } from '@shared/api/workflow';
import { formatDateTime } from '../../../lib/format';
import { SubmissionStatusTag } from './SubmissionStatusTag';

/** The last decision of a submission, as one line (who, when, how many reasons). */
function Outcome({ submission }: { submission: SubmissionView }) {
  const { t } = useTranslation();
  const last = submission.decisions[submission.decisions.length - 1];
  if (!last) return <Typography.Text type="secondary">{t('workflow.submissions.noDecision')}</Typography.Text>;
  return (
    <Typography.Text type="secondary">
      {t(`workflow.submissions.outcome.${last.decision}`, {
        bureau: last.bureauName,
        time: formatDateTime(last.decidedAt),
        count: last.reasons.length,
      })}
    </Typography.Text>
  );
}

/** Every submission of the project (送审稿 1, 2 … and 报批稿), with its state and the latest decision. */
export function SubmissionsTable({ submissions, loading }: { submissions: SubmissionView[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableProps<SubmissionView>['columns'] = [
    {
      key: 'title',
      title: t('workflow.submissions.title'),
      render: (_, s) => (
        <Link to={`/submissions/${encodeURIComponent(s.id)}`} data-testid="submission-link">
          {t('workflow.submissions.name', { stage: s.stageLabel, number: s.number })}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('workflow.submissions.status'),
      render: (_, s) => <SubmissionStatusTag status={s.status} />,
    },
    {
      key: 'submitted',
      title: t('workflow.submissions.submitted'),
      render: (_, s) => `${formatDateTime(s.submittedAt)} · ${s.submittedByName}`,
    },
    { key: 'outcome', title: t('workflow.submissions.outcomeTitle'), render: (_, s) => <Outcome submission={s} /> },
  ];
  return (
    <Table<SubmissionView>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={submissions}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('workflow.submissions.none') }}
      data-testid="submissions-table"
    />
  );
}
