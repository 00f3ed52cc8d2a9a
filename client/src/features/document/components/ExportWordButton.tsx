import { Button, Tooltip } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { documentsApi } from '../api/documentsApi';

/** 导出 Word: the document as a .docx in GB/T 1.1 layout, as it is now (a plain download link). */
export function ExportWordButton({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('document.export.wordHint')}>
      <Button
        href={documentsApi.wordExportUrl(documentId)}
        download
        icon={<FileWordOutlined />}
        data-testid="export-word"
      >
        {t('document.export.word')}
      </Button>
    </Tooltip>
  );
}
