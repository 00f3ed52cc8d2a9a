import { Button, Flex } from 'antd';
import { FileExcelOutlined, FileWordOutlined, GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { exportUrl } from '../api/consultationApi';
import type { TableSort } from '../api/consultationApi';

/** Plain download links to the exports, in the order currently shown (`?sort=clause`). */
export function ExportButtons({ roundId, sort }: { roundId: string; sort: TableSort }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap>
      <Button href={exportUrl(roundId, 'xlsx', sort)} icon={<FileExcelOutlined />} data-testid="export-xlsx">
        {t('consultation.export.xlsx')}
      </Button>
      <Button href={exportUrl(roundId, 'docx', sort)} icon={<FileWordOutlined />} data-testid="export-docx">
        {t('consultation.export.docx')}
      </Button>
      <Button href={exportUrl(roundId, 'iso', sort)} icon={<GlobalOutlined />} data-testid="export-iso">
        {t('consultation.export.iso')}
      </Button>
    </Flex>
  );
}
