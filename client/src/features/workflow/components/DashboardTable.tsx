import { Badge, Table, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardRow } from '@shared/api/workflow';
import { PROJECT_STAGES } from '@shared/domain/project';
import { stageIndex } from '@shared/workflow/stages';
import { formatDate, formatDateTime } from '../../../lib/format';
import { DueTag, StageTag } from '../../projects';
import { SubmissionStatusTag } from './SubmissionStatusTag';

/** Every project of the jurisdiction, sortable and filterable by column. */
export function DashboardTable({ rows, loading }: { rows: DashboardRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const leadUnits = [...new Set(rows.map((r) => r.leadOrganizationName))].sort();
  const columns: TableProps<DashboardRow>['columns'] = [
    {
      key: 'name',
      title: t('projects.name'),
      render: (_, r) => (
        <div>
          <Link to={`/projects/${encodeURIComponent(r.projectId)}?tab=progress`} data-testid="dashboard-project">
            {r.nameZh}
          </Link>
          {r.planNumber ? (
            <div>
              <Typography.Text type="secondary">{r.planNumber}</Typography.Text>
            </div>
          ) : null}
        </div>
      ),
      sorter: (a, b) => a.nameZh.localeCompare(b.nameZh, 'zh-CN'),
    },
    {
      key: 'stage',
      title: t('projects.stage'),
      render: (_, r) => (
        <Tooltip title={t('workflow.dashboard.since', { date: formatDate(r.stageSince) })}>
          <span>
            <StageTag stage={r.stage} />
          </span>
        </Tooltip>
      ),
      filters: PROJECT_STAGES.map((s) => ({ text: t(`enums.stage.${s}`), value: s })),
      onFilter: (value, r) => r.stage === value,
      sorter: (a, b) => stageIndex(a.stage) - stageIndex(b.stage),
      width: 120,
    },
    {
      key: 'lead',
      title: t('projects.leadUnit'),
      dataIndex: 'leadOrganizationName',
      filters: leadUnits.map((u) => ({ text: u, value: u })),
      onFilter: (value, r) => r.leadOrganizationName === value,
      filterSearch: true,
    },
    {
      key: 'due',
      title: t('workflow.dashboard.due'),
      render: (_, r) => <DueTag dueDate={r.dueDate} stage={r.stage} />,
      filters: [{ text: t('workflow.dashboard.overdueOnly'), value: 'overdue' }],
      onFilter: (_, r) => r.due.overdue,
      sorter: (a, b) => a.due.daysLeft - b.due.daysLeft,
      width: 120,
    },
    {
      key: 'checker',
      title: t('workflow.dashboard.checker'),
      render: (_, r) =>
        r.checker ? (
          <span data-testid="dashboard-checker">
            <Badge
              color={r.checker.errors > 0 ? 'red' : 'green'}
              text={t('workflow.dashboard.errors', { count: r.checker.errors })}
            />
            <br />
            <Typography.Text type="secondary">
              {t('workflow.dashboard.warnings', { count: r.checker.warnings })}
            </Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('workflow.dashboard.notChecked')}</Typography.Text>
        ),
      sorter: (a, b) => (a.checker?.errors ?? -1) - (b.checker?.errors ?? -1),
      width: 110,
    },
    {
      key: 'consultation',
      title: t('workflow.dashboard.openItems'),
      render: (_, r) => (
        <span>
          {r.openConsultationItems}
          {r.lateRounds > 0 ? (
            <Tooltip title={t('workflow.dashboard.lateRounds', { count: r.lateRounds })}>
              <Badge status="warning" style={{ marginLeft: 6 }} data-testid="dashboard-late-round" />
            </Tooltip>
          ) : null}
        </span>
      ),
      sorter: (a, b) => a.openConsultationItems - b.openConsultationItems,
      width: 100,
    },
    {
      key: 'submission',
      title: t('workflow.dashboard.submission'),
      render: (_, r) =>
        r.submission ? (
          <Link to={`/submissions/${encodeURIComponent(r.submission.id)}`}>
            {t('workflow.submissions.name', { stage: r.submission.stageLabel, number: r.submission.number })}{' '}
            <SubmissionStatusTag status={r.submission.status} />
          </Link>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
      filters: [{ text: t('workflow.dashboard.waitingOnly'), value: 'waiting' }],
      onFilter: (_, r) => r.submission?.status === 'local-check' || r.submission?.status === 'province-check',
    },
    {
      key: 'activity',
      title: t('workflow.dashboard.lastActivity'),
      render: (_, r) => formatDateTime(r.lastActivity),
      sorter: (a, b) => a.lastActivity.localeCompare(b.lastActivity),
      defaultSortOrder: 'descend',
      width: 150,
    },
  ];
  return (
    <Table<DashboardRow>
      size="small"
      rowKey="projectId"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
      data-testid="dashboard-table"
    />
  );
}
