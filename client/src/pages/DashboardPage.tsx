import { useMemo, useState } from 'react';
import { Button, Card, Col, Flex, Input, Row, Typography } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProjectStage } from '@shared/domain/project';
import { DashboardTable, StageChart, WaitingList, useDashboard } from '../features/workflow';
import { LoadError } from '../components/LoadError';
import { formatDateTime } from '../lib/format';

/**
 * 监管工作台 — the first page for bureau staff: the submissions waiting for their bureau, the
 * projects of their jurisdiction per stage, and every project as a sortable, filterable table.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const dashboard = useDashboard();
  const [stage, setStage] = useState<ProjectStage | null>(null);
  const [search, setSearch] = useState('');
  const data = dashboard.data;
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (data?.rows ?? []).filter(
      (r) =>
        (stage === null || r.stage === stage) &&
        (!needle ||
          [r.nameZh, r.planNumber, r.leadOrganizationName, ...r.supervisingBureauNames].some((f) =>
            f.toLowerCase().includes(needle),
          )),
    );
  }, [data, stage, search]);
  const overdue = (data?.rows ?? []).filter((r) => r.due.overdue).length;

  return (
    <div className="page" data-testid="dashboard-page">
      <Flex justify="space-between" align="flex-end" wrap gap={16} className="page__header">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('workflow.dashboard.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="dashboard-jurisdiction">
            {data
              ? data.jurisdiction.bureauId
                ? t(`workflow.dashboard.jurisdiction.${data.jurisdiction.level ?? 'county'}`, {
                    bureau: data.jurisdiction.bureauName,
                    count: data.rows.length,
                  })
                : t('workflow.dashboard.jurisdiction.all', { count: data.rows.length })
              : t('app.loading')}
          </Typography.Text>
        </div>
        <Flex gap={12} wrap align="center">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('workflow.dashboard.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 260 }}
          />
          <Button icon={<ReloadOutlined />} onClick={dashboard.reload} loading={dashboard.loading}>
            {t('workflow.dashboard.refresh')}
          </Button>
        </Flex>
      </Flex>
      {dashboard.error ? (
        <LoadError error={dashboard.error} onRetry={dashboard.reload} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('workflow.dashboard.waiting', { count: data?.waiting.length ?? 0 })}
            style={{ height: '100%' }}
          >
            <WaitingList waiting={data?.waiting ?? []} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('workflow.dashboard.perStage')}
            extra={
              overdue > 0 ? (
                <Typography.Text type="danger">{t('workflow.dashboard.overdue', { count: overdue })}</Typography.Text>
              ) : null
            }
            style={{ height: '100%' }}
          >
            {data ? <StageChart counts={data.stageCounts} selected={stage} onSelect={setStage} /> : null}
          </Card>
        </Col>
      </Row>
      <DashboardTable rows={rows} loading={dashboard.loading && !data} />
      {data ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('workflow.dashboard.updated', { time: formatDateTime(new Date().toISOString()) })}
        </Typography.Text>
      ) : null}
    </div>
  );
}
