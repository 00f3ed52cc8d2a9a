import { Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { reviewApi } from '../../api/reviewApi';

/** The 审查意见汇总处理表 as .xlsx, .docx and the ISO template (the same files as the consultation table). */
export function ReviewTableExports({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const files = [
    { key: 'xlsx', file: 'export.xlsx', label: t('review.export.xlsx') },
    { key: 'docx', file: 'export.docx', label: t('review.export.docx') },
    { key: 'iso', file: 'export-iso.xlsx', label: t('review.export.iso') },
  ] as const;
  return (
    <Dropdown
      menu={{
        items: files.map(({ key, file, label }) => ({
          key,
          label: (
            <a href={reviewApi.exportUrl(reviewId, file)} download data-testid={`review-export-${key}`}>
              {label}
            </a>
          ),
        })),
      }}
    >
      <Button size="small" icon={<DownloadOutlined />} data-testid="review-export">
        {t('review.export.button')}
      </Button>
    </Dropdown>
  );
}
