import { Button, Flex, Space, Spin, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SubmissionView } from '@shared/api/workflow';
import type { DocumentKind } from '@shared/domain/project';
import { DOCUMENT_KINDS } from '@shared/domain/project';
import { LoadError } from '../../../components/LoadError';
import { FrozenDocument } from '../../structure';
import type { ApiQuery } from '../../../hooks/useApiQuery';
import type { VersionContent } from '../api/workflowApi';
import { useFrozenVersion } from '../hooks/useFrozenVersion';

function exportUrl(documentId: string, versionId: string, stage: string, format: 'docx' | 'pdf'): string {
  const query = new URLSearchParams({ version: versionId, stage });
  return `/api/documents/${encodeURIComponent(documentId)}/export.${format}?${query.toString()}`;
}

/** The frozen texts of a submission (or of the technical review that judges one). */
export type FrozenSet = Pick<SubmissionView, 'documents' | 'stageLabel' | 'projectId'>;

function FrozenText({
  submission,
  kind,
  focusNodeId,
  loaded,
}: {
  submission: FrozenSet;
  kind: DocumentKind;
  focusNodeId: string | null;
  /** The version when the page has it already (the standard text: its outline anchors reasons). */
  loaded: ApiQuery<VersionContent | null> | null;
}) {
  const { t } = useTranslation();
  const document = submission.documents.find((d) => d.kind === kind);
  const own = useFrozenVersion(loaded ? undefined : document);
  const version = loaded ?? own;
  if (!document) return null;
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          href={exportUrl(document.documentId, document.versionId, submission.stageLabel, 'docx')}
        >
          {t('workflow.frozen.docx')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          href={exportUrl(document.documentId, document.versionId, submission.stageLabel, 'pdf')}
        >
          {t('workflow.frozen.pdf')}
        </Button>
      </Space>
      {version.error && !version.data ? <LoadError error={version.error} onRetry={version.reload} /> : null}
      {version.data ? (
        <FrozenDocument
          content={version.data.content}
          projectId={submission.projectId}
          frozenCredits={version.data.draftingCredits}
          contentKey={document.versionId}
          focusNodeId={focusNodeId}
          ariaLabel={t('workflow.frozen.aria', { name: version.data.version.name })}
          className="workflow-frozen"
          testId={`frozen-${kind}`}
        />
      ) : version.loading ? (
        <Spin />
      ) : null}
    </Flex>
  );
}

/** The submitted texts as they were frozen, read-only, with their Word and PDF files. */
export function FrozenTexts({
  submission,
  standard,
  activeKind,
  onActiveKindChange,
  focusNodeId,
}: {
  submission: FrozenSet;
  /** The submitted standard text, loaded by the page. */
  standard: ApiQuery<VersionContent | null>;
  activeKind: DocumentKind;
  onActiveKindChange: (kind: DocumentKind) => void;
  focusNodeId: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Tabs
      activeKey={activeKind}
      onChange={(key) => {
        const kind = DOCUMENT_KINDS.find((k) => k === key);
        if (kind) onActiveKindChange(kind);
      }}
      destroyOnHidden
      items={DOCUMENT_KINDS.filter((kind) => submission.documents.some((d) => d.kind === kind)).map((kind) => ({
        key: kind,
        label: t(`enums.documentKind.${kind}`),
        children: (
          <FrozenText
            submission={submission}
            kind={kind}
            focusNodeId={kind === 'standard' ? focusNodeId : null}
            loaded={kind === 'standard' ? standard : null}
          />
        ),
      }))}
    />
  );
}
