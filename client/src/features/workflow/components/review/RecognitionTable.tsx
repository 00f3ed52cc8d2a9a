import { Button, Flex, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecognitionRow } from '@shared/api/reviews';
import { LoadError } from '../../../../components/LoadError';
import { reviewApi } from '../../api/reviewApi';
import { useRecognitionList } from '../../hooks/useReviews';

/** The recognition list (认定目录): every registered standard, and the .xlsx file. */
export function RecognitionTable() {
  const { t } = useTranslation();
  const list = useRecognitionList();
  const columns: TableColumnsType<RecognitionRow> = [
    { key: 'seq', title: t('recognition.seq'), width: 64, render: (_, __, index) => index + 1 },
    { key: 'number', title: t('publication.standardNumber'), dataIndex: 'standardNumber', width: 170 },
    { key: 'registration', title: t('publication.registrationNumber'), dataIndex: 'registrationNumber', width: 160 },
    {
      key: 'name',
      title: t('recognition.name'),
      render: (_, row) => <Link to={`/projects/${encodeURIComponent(row.projectId)}`}>{row.nameZh}</Link>,
    },
    { key: 'lead', title: t('recognition.lead'), dataIndex: 'leadOrganizationName' },
    { key: 'published', title: t('publication.publicationDate'), dataIndex: 'publicationDate', width: 120 },
    { key: 'implemented', title: t('publication.implementationDate'), dataIndex: 'implementationDate', width: 120 },
    {
      key: 'status',
      title: t('recognition.status'),
      width: 150,
      render: (_, row) =>
        row.abolished ? (
          <Tag color="red">{t('periodicReview.abolish')}</Tag>
        ) : (
          <Space size={4} wrap>
            <Tag color="green">{t('recognition.valid')}</Tag>
            {row.periodicReviewDue ? <Tag color="orange">{t('recognition.reviewDue')}</Tag> : null}
          </Space>
        ),
    },
  ];
  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Button icon={<DownloadOutlined />} href={reviewApi.recognitionListXlsx} data-testid="recognition-export">
          {t('recognition.export')}
        </Button>
      </Flex>
      <Table<RecognitionRow>
        rowKey="registrationNumber"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.loading && !list.data}
        pagination={false}
        locale={{ emptyText: t('recognition.empty') }}
        data-testid="recognition-table"
      />
    </Flex>
  );
}
