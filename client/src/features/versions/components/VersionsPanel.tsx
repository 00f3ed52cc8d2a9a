import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Checkbox, Drawer, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { DiffOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProjectAccess } from '@shared/api/types';
import type { DocumentVersionView } from '@shared/domain/versions';
import { CURRENT_STATE } from '@shared/validation/versions';
import { LoadError } from '../../../components/LoadError';
import { formatDateTime } from '../../../lib/format';
import { useVersions } from '../hooks/useVersions';
import { DiffView } from './DiffView';
import { NameVersionModal } from './NameVersionModal';
import '../styles/versions.css';

export interface VersionsPanelProps {
  documentId: string;
  projectId: string;
  /** The caller's rights in the project: the lead and drafters name versions, the lead restores. */
  access: ProjectAccess;
}

/** The lead restores (the server decides; this only hides the buttons from everyone else). */
function mayRestore(access: ProjectAccess): boolean {
  return access.role === 'lead' && access.canEdit;
}

/**
 * The versions of a document (named ones, each round's 征求意见稿 …) with who made them and when,
 * live; 保存版本 for the lead and drafters; tick two (or one and 当前文本) to compare them.
 */
export function VersionsPanel({ documentId, projectId, access }: VersionsPanelProps) {
  const { t } = useTranslation();
  const versions = useVersions(documentId, projectId);
  const [naming, setNaming] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [compared, setCompared] = useState<{ from: string; to: string } | null>(null);
  const list = versions.data ?? [];

  const toggle = (ref: string, on: boolean) =>
    setPicked((current) =>
      on ? [...current.filter((r) => r !== ref), ref].slice(-2) : current.filter((r) => r !== ref),
    );

  /** Older first: the list is newest first and the live text is newer than every version. */
  const order = (ref: string): number => (ref === CURRENT_STATE ? -1 : list.findIndex((v) => v.id === ref));
  const compare = () => {
    const [a, b] = [...picked].sort((x, y) => order(y) - order(x));
    if (a && b) setCompared({ from: a, to: b });
  };
  const nameOf = (ref: string): string =>
    ref === CURRENT_STATE ? t('versions.current') : (list.find((v) => v.id === ref)?.name ?? ref);

  const row = (ref: string, body: ReactNode) => (
    <List.Item key={ref} className="version-row" data-testid="version-row" data-version-id={ref}>
      <Checkbox
        checked={picked.includes(ref)}
        onChange={(event) => toggle(ref, event.target.checked)}
        aria-label={nameOf(ref)}
        data-testid={`pick-${ref}`}
      />
      <div className="version-row__body">{body}</div>
    </List.Item>
  );

  const versionBody = (version: DocumentVersionView) => (
    <>
      <div className="version-row__title">
        <Typography.Text strong>{version.name}</Typography.Text>
        <Tag className="version-row__kind">{t(`versions.kinds.${version.kind}`)}</Tag>
      </div>
      <div className="version-row__meta">
        {t('versions.by', { name: version.createdByName, organization: version.createdByOrganization })}{' '}
        <span className="version-row__time">· {formatDateTime(version.createdAt)}</span>
      </div>
    </>
  );

  return (
    <div className="versions-panel" data-testid="versions-panel">
      <Flex gap={8} wrap className="versions-panel__bar">
        {access.canEdit ? (
          <Button size="small" icon={<SaveOutlined />} onClick={() => setNaming(true)} data-testid="name-version">
            {t('versions.name')}
          </Button>
        ) : null}
        <Button
          size="small"
          type="primary"
          icon={<DiffOutlined />}
          disabled={picked.length !== 2}
          onClick={compare}
          data-testid="compare-versions"
        >
          {t('versions.compare')}
        </Button>
      </Flex>
      <Typography.Text type="secondary" className="versions-panel__hint">
        {t('versions.pickHint')}
      </Typography.Text>
      {versions.error && !versions.data ? <LoadError error={versions.error} onRetry={versions.reload} /> : null}
      {!versions.data && !versions.error ? <Spin /> : null}
      {versions.data ? (
        <List size="small" className="versions-panel__list">
          {row(
            CURRENT_STATE,
            <>
              <div className="version-row__title">
                <Typography.Text strong>{t('versions.current')}</Typography.Text>
              </div>
              <div className="version-row__meta">{t('versions.currentHint')}</div>
            </>,
          )}
          {list.map((version) => row(version.id, versionBody(version)))}
          {list.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('versions.empty')} /> : null}
        </List>
      ) : null}
      <NameVersionModal documentId={documentId} open={naming} onClose={() => setNaming(false)} />
      <Drawer
        open={compared !== null}
        onClose={() => setCompared(null)}
        size="100%"
        destroyOnHidden
        title={compared ? t('versions.diff.title', { from: nameOf(compared.from), to: nameOf(compared.to) }) : ''}
        className="versions-diff-drawer"
      >
        {compared ? (
          <DiffView documentId={documentId} from={compared.from} to={compared.to} canRestore={mayRestore(access)} />
        ) : null}
      </Drawer>
    </div>
  );
}
