import { Space } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DOCUMENT_KINDS } from '@shared/domain/project';
import type { ProjectDocument } from '@shared/domain/project';

/** The project's three documents (标准文本, 编制说明, 实施应用报告) as links into the workspace. */
export function DocumentLinks({ documents, vertical = false }: { documents: ProjectDocument[]; vertical?: boolean }) {
  const { t } = useTranslation();
  const ordered = [...documents].sort((a, b) => DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind));
  return (
    <Space orientation={vertical ? 'vertical' : 'horizontal'} size={vertical ? 4 : 12} wrap>
      {ordered.map((document) => (
        <Link
          key={document.id}
          to={`/documents/${encodeURIComponent(document.id)}`}
          data-testid={`document-link-${document.kind}`}
        >
          <FileTextOutlined /> {t(`enums.documentKind.${document.kind}`)}
        </Link>
      ))}
    </Space>
  );
}
