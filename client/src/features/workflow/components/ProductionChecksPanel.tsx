import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProductionCheckView } from '@shared/api/workflow';
import { formatDateTime } from '../../../lib/format';
import { ProductionCheckModal } from './ProductionCheckModal';

function CheckItem({ check, latest }: { check: ProductionCheckView; latest: boolean }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid="production-check" data-result={check.result}>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={8} align="center" wrap>
          <Tag color={check.result === 'passed' ? 'success' : 'warning'}>
            {t(`workflow.production.results.${check.result}`)}
          </Tag>
          <Typography.Text strong>{check.date}</Typography.Text>
          <Typography.Text>{check.site}</Typography.Text>
          {latest ? <Tag color="blue">{t('workflow.production.latest')}</Tag> : null}
        </Flex>
        <Typography.Text type="secondary">
          {t('workflow.production.by', {
            bureau: check.bureauName,
            name: check.recordedByName,
            time: formatDateTime(check.recordedAt),
          })}
        </Typography.Text>
        <Typography.Text>
          {t('workflow.production.productsSeen')}：{check.products.join('；')}
        </Typography.Text>
        {check.indicators.length > 0 ? (
          <Typography.Text>
            {t('workflow.production.indicatorsChecked')}：
            {check.indicators.map((i) => (
              <Tag key={i.cellId} style={{ marginBottom: 4 }}>
                {i.place}：{i.value}
              </Tag>
            ))}
          </Typography.Text>
        ) : null}
        {check.remarks ? <Typography.Paragraph style={{ margin: 0 }}>{check.remarks}</Typography.Paragraph> : null}
      </Flex>
    </List.Item>
  );
}

/** 标准生产验证把关: every check recorded, newest first; staff of a supervising bureau record new ones. */
export function ProductionChecksPanel({
  projectId,
  standardId,
  checks,
  canRecord,
  onRecorded,
}: {
  projectId: string;
  standardId: string;
  checks: ProductionCheckView[];
  canRecord: boolean;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  return (
    <Card
      size="small"
      title={t('workflow.production.title')}
      id="production-checks"
      extra={
        canRecord ? (
          <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="production-check-record">
            {t('workflow.production.record')}
          </Button>
        ) : null
      }
    >
      {checks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workflow.production.none')} />
      ) : (
        <List
          size="small"
          dataSource={checks}
          rowKey="id"
          renderItem={(check, index) => <CheckItem check={check} latest={index === 0} />}
        />
      )}
      {canRecord ? (
        <ProductionCheckModal
          projectId={projectId}
          standardId={standardId}
          open={recording}
          onClose={() => setRecording(false)}
          onRecorded={() => {
            setRecording(false);
            onRecorded();
          }}
        />
      ) : null}
    </Card>
  );
}
