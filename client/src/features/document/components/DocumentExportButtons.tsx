import { Button, Space, Tooltip } from 'antd';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { documentsApi } from '../api/documentsApi';

/**
 * 导出 Word / 导出 PDF: the document as it is now in GB/T 1.1 layout (plain download links). The PDF
 * is offered when the server has LibreOffice; otherwise its button is disabled and says why.
 */
export function DocumentExportButtons({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const formats = useApiQuery((signal) => documentsApi.exportFormats(signal), []);
  // null while asking; false also when the question failed (the PDF link is then not offered).
  const pdfAvailable = formats.loading ? null : formats.data?.pdf === true;
  return (
    <Space.Compact>
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
      <Tooltip title={pdfAvailable === false ? t('document.export.pdfUnavailable') : t('document.export.pdfHint')}>
        {pdfAvailable ? (
          <Button
            href={documentsApi.pdfExportUrl(documentId)}
            download
            icon={<FilePdfOutlined />}
            data-testid="export-pdf"
            data-available="true"
          >
            {t('document.export.pdf')}
          </Button>
        ) : (
          <Button
            disabled
            loading={pdfAvailable === null}
            icon={<FilePdfOutlined />}
            data-testid="export-pdf"
            data-available={pdfAvailable === null ? 'unknown' : 'false'}
          >
            {t('document.export.pdf')}
          </Button>
        )}
      </Tooltip>
    </Space.Compact>
  );
}
