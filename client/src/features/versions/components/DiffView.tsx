import { useCallback, useMemo, useRef, useState } from 'react';
import { Button, Flex, Segmented, Spin, Switch, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { versionsApi } from '../api/versionsApi';
import { useVersionDiff } from '../hooks/useVersionDiff';
import { isListed } from '../lib/segments';
import { AuthorChip, ClauseChangeList } from './ClauseChangeList';
import { DiffDocument } from './DiffDocument';
import { RestoreButton } from './RestoreButton';
import type { RestoreTarget } from './RestoreButton';

interface DiffViewProps {
  documentId: string;
  /** Version ids or `current`: from the older state to the newer. */
  from: string;
  to: string;
  /** The lead restores parts or the whole document. */
  canRestore: boolean;
}

type Pane = 'both' | 'document' | 'clauses';

/** A difference: the document with its insertions and deletions, and the clause-by-clause list. */
export function DiffView({ documentId, from, to, canRestore }: DiffViewProps) {
  const { t } = useTranslation();
  const diff = useVersionDiff(documentId, from, to);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [pane, setPane] = useState<Pane>('both');
  const view = diff.data;
  const listed = useMemo(() => (view ? view.parts.filter(isListed) : []), [view]);
  const documentPane = useRef<HTMLDivElement>(null);
  /** Scrolls the document to a part and marks it for a moment. */
  const locate = useCallback((key: string) => {
    const element = documentPane.current?.querySelector<HTMLElement>(`[data-part-key="${CSS.escape(key)}"]`);
    if (!element) return;
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    element.classList.add('diff-part--located');
    window.setTimeout(() => element.classList.remove('diff-part--located'), 1600);
  }, []);

  if (diff.error && !view) return <LoadError error={diff.error} onRetry={diff.reload} />;
  if (!view) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  // A restore brings parts back to the older side (or to the version when the older side is the live text).
  const restoreSide = view.from.versionId ? view.from : view.to.versionId ? view.to : null;
  const restoreTarget: RestoreTarget | null =
    canRestore && restoreSide?.versionId
      ? { documentId, versionId: restoreSide.versionId, versionName: restoreSide.name }
      : null;

  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="diff-view__bar">
        <Typography.Text data-testid="diff-summary">
          {t('versions.diff.summary', {
            parts: view.counts.changedParts,
            inserted: view.counts.inserted,
            deleted: view.counts.deleted,
          })}
        </Typography.Text>
        <span className="diff-view__legend">
          {t('versions.diff.authors')}：
          {view.authors.map((author) => (
            <AuthorChip key={author.id} id={author.id} authors={diff.authors} />
          ))}
        </span>
        <span className="diff-view__actions">
          <Segmented<Pane>
            size="small"
            value={pane}
            onChange={setPane}
            options={[
              { value: 'both', label: `${t('versions.diff.document')} + ${t('versions.diff.clauses')}` },
              { value: 'document', label: t('versions.diff.document') },
              { value: 'clauses', label: t('versions.diff.clauses') },
            ]}
          />
          <Button
            size="small"
            icon={<ReloadOutlined />}
            onClick={diff.reload}
            loading={diff.loading}
            aria-label="reload"
          />
          <Button size="small" icon={<DownloadOutlined />} href={versionsApi.diffDocxUrl(documentId, from, to)}>
            {t('versions.diff.docx')}
          </Button>
          {restoreTarget ? <RestoreButton target={restoreTarget} onRestored={diff.reload} /> : null}
        </span>
      </div>
      <Typography.Text type="secondary" className="diff-view__hint">
        {t('versions.diff.legend')}
      </Typography.Text>
      <div className={`diff-view__panes diff-view__panes--${pane}`}>
        {pane !== 'clauses' ? (
          <div className="diff-view__pane diff-view__pane--document" ref={documentPane}>
            <div className="diff-view__pane-bar">
              <Switch
                size="small"
                checked={onlyChanged}
                onChange={setOnlyChanged}
                id="diff-only-changed"
                aria-label={t('versions.diff.onlyChanged')}
              />
              <span>{t('versions.diff.onlyChanged')}</span>
            </div>
            <DiffDocument parts={onlyChanged ? listed : view.parts} authors={diff.authors} />
          </div>
        ) : null}
        {pane !== 'document' ? (
          <div className="diff-view__pane diff-view__pane--clauses">
            <ClauseChangeList
              parts={listed}
              indicators={view.indicators}
              authors={diff.authors}
              restoreTarget={restoreTarget}
              onRestored={diff.reload}
              onLocate={pane === 'both' ? locate : undefined}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}
