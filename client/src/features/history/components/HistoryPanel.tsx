import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Empty, Spin, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntryView } from '@shared/api/history';
import { LoadError } from '../../../components/LoadError';
import { VirtualList } from '../../../components/VirtualList';
import { historyExportUrl } from '../api/historyApi';
import type { HistoryFilters } from '../api/historyApi';
import { useHistoryTimeline } from '../hooks/useHistoryTimeline';
import { HistoryEntryCard } from './HistoryEntryCard';
import { HistoryFiltersBar } from './HistoryFiltersBar';
import './history.css';

interface HistoryPanelProps {
  editor: Editor;
  projectId: string;
  documentId: string;
}

/** Loads the next page when the end of the list scrolls into view. */
function useLoadAtEnd(active: boolean, load: () => void) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!active || !element) return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) load();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [active, load]);
  return sentinel;
}

/**
 * 修改记录: the document's change history beside the text, newest first — who (name, organization,
 * in their colour), when, which clauses and how much, structure changes — with filters, paging as
 * the list scrolls, live updates while people type, jumps to the changed clause, and the .xlsx export.
 */
export function HistoryPanel({ editor, projectId, documentId }: HistoryPanelProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<HistoryFilters>({});
  const timeline = useHistoryTimeline(projectId, documentId, filters);
  const { hasMore, loadingMore, loadMore } = timeline;
  const sentinel = useLoadAtEnd(hasMore && !loadingMore && !timeline.loading, loadMore);
  const renderEntry = useCallback(
    (entry: HistoryEntryView) => <HistoryEntryCard entry={entry} editor={editor} />,
    [editor],
  );
  const filtered = Object.keys(filters).length > 0;

  return (
    <section className="history-panel" aria-label={t('history.title')} data-testid="history-panel">
      <div className="history-panel__head">
        <Typography.Text strong>{t('history.title')}</Typography.Text>
        <Button
          size="small"
          icon={<FileExcelOutlined />}
          href={historyExportUrl(documentId, filters)}
          title={t('history.exportHint')}
          data-testid="history-export"
        >
          {t('history.export')}
        </Button>
      </div>
      <HistoryFiltersBar
        editor={editor}
        filters={filters}
        authors={timeline.authors}
        stages={timeline.stages}
        onChange={setFilters}
      />
      {timeline.error && timeline.entries.length === 0 ? (
        <LoadError error={timeline.error} onRetry={timeline.reload} />
      ) : timeline.loading && timeline.entries.length === 0 ? (
        <div className="history-panel__loading">
          <Spin />
        </div>
      ) : timeline.entries.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={filtered ? t('history.emptyFiltered') : t('history.empty')}
        />
      ) : (
        <>
          <VirtualList
            items={timeline.entries}
            itemKey={(entry) => entry.id}
            renderItem={renderEntry}
            estimateSize={110}
            className="history-panel__list"
            testId="history-list"
            virtualizeFrom={60}
          />
          <div ref={sentinel} className="history-panel__end">
            {timeline.error ? (
              <LoadError error={timeline.error} onRetry={hasMore ? loadMore : timeline.reload} />
            ) : hasMore ? (
              <Button size="small" loading={loadingMore} onClick={loadMore} data-testid="history-more">
                {t('history.loadMore')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{t('history.end', { count: timeline.entries.length })}</Typography.Text>
            )}
          </div>
        </>
      )}
    </section>
  );
}
