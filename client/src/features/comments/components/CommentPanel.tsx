import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Badge, Button, Checkbox, Empty, Segmented, Select, Spin, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { ThreadView } from '@shared/api/comments';
import type { ProjectListItem } from '@shared/api/types';
import { THREAD_DISPLAY_STATUSES } from '@shared/domain/comments';
import type { ThreadDisplayStatus } from '@shared/domain/comments';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { describeError } from '../../../lib/errors';
import { useCurrentUser } from '../../auth';
import { projectsApi } from '../../projects';
import { commentsApi } from '../api/commentsApi';
import type { CommentText } from '../api/commentsApi';
import { currentRange, useHighlightState } from '../hooks/useHighlightState';
import { useThreads } from '../hooks/useThreads';
import { setHighlightActive, setHighlightThreads } from '../lib/commentHighlights';
import type { CommentsController } from '../lib/CommentsController';
import type { NewThreadAnchor } from '../lib/editorAnchors';
import { NO_FILTERS, applyFilters, displayStatus, filterOptions, inTextOrder, mentions } from '../lib/threadFilters';
import type { ThreadFilters } from '../lib/threadFilters';
import { CommentComposer } from './CommentComposer';
import { ThreadCard } from './ThreadCard';
import { scrollIntoViewSettled } from '../../../lib/scrollIntoViewSettled';
import './comments.css';

interface CommentPanelProps {
  editor: Editor;
  controller: CommentsController;
  project: ProjectListItem;
  documentId: string;
}

/** Scrolls the editor to a thread's text and selects it. */
function revealInEditor(editor: Editor, range: { from: number; to: number }): void {
  if (editor.isDestroyed) return;
  editor.commands.setTextSelection(range);
  requestAnimationFrame(() => {
    if (editor.isDestroyed) return;
    const highlighted = editor.view.dom.querySelector('.comment-highlight--active');
    let target: Element | null = highlighted;
    if (!target) {
      const { node } = editor.view.domAtPos(range.from);
      target = node instanceof Element ? node : node.parentElement;
    }
    if (target) scrollIntoViewSettled(target);
  });
}

/** 评论: the document's threads beside the text, filterable, with the composer for a new thread. */
export function CommentPanel({ editor, controller, project, documentId }: CommentPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const threads = useThreads(project.id, documentId);
  const members = useApiQuery((signal) => projectsApi.members(project.id, signal), [project.id]);
  const positions = useHighlightState(editor);
  const [filters, setFilters] = useState<ThreadFilters>(NO_FILTERS);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<NewThreadAnchor | null>(null);
  const cards = useRef(new Map<string, HTMLElement>());
  const memberList = members.data ?? [];

  // The plugin resolves and highlights whatever the panel lists.
  useEffect(() => {
    setHighlightThreads(
      editor,
      threads.threads.map((th) => ({
        id: th.id,
        anchorStart: th.anchorStart,
        anchorEnd: th.anchorEnd,
        status: th.status,
      })),
    );
  }, [editor, threads.threads]);
  useEffect(() => setHighlightActive(editor, activeId), [editor, activeId]);

  const statusOf = useCallback(
    (thread: ThreadView): ThreadDisplayStatus => displayStatus(thread, positions),
    [positions],
  );
  const visible = useMemo(
    () => inTextOrder(applyFilters(threads.threads, filters, statusOf), positions.order),
    [threads.threads, filters, statusOf, positions.order],
  );
  const counts = useMemo(() => {
    const result: Record<ThreadDisplayStatus, number> = { open: 0, resolved: 0, orphaned: 0 };
    for (const th of threads.threads) result[statusOf(th)]++;
    return result;
  }, [threads.threads, statusOf]);
  const options = useMemo(() => filterOptions(threads.threads, t('comments.noClause')), [threads.threads, t]);
  const mentioningMe = useMemo(
    () => threads.threads.filter((th) => mentions(th, me.id)).length,
    [threads.threads, me.id],
  );

  const activate = useCallback(
    (threadId: string, from: 'panel' | 'text') => {
      setActiveId(threadId);
      if (from === 'panel') {
        const range = currentRange(editor, threadId);
        if (range) revealInEditor(editor, range);
      } else {
        requestAnimationFrame(() =>
          cards.current.get(threadId)?.scrollIntoView({ behavior: 'smooth', block: 'nearest' }),
        );
      }
    },
    [editor],
  );

  // A highlight clicked in the text: focus its thread here (clearing filters that hide it).
  useEffect(
    () =>
      controller.onActivate((threadId) => {
        setFilters((current) => {
          const thread = threads.threads.find((th) => th.id === threadId);
          return thread && applyFilters([thread], current, statusOf).length === 0 ? NO_FILTERS : current;
        });
        activate(threadId, 'text');
      }),
    [controller, activate, threads.threads, statusOf],
  );
  useEffect(() => controller.onStart((anchor) => setDraft(anchor)), [controller]);

  const startThread = async (text: CommentText) => {
    if (!draft) return;
    try {
      const created = await commentsApi.start(documentId, { ...draft, ...text });
      threads.replace(created);
      setDraft(null);
      // The commented text is now highlighted: drop the selection that started the thread.
      if (!editor.isDestroyed && !editor.state.selection.empty)
        editor.commands.setTextSelection(editor.state.selection.to);
      setFilters((current) => (current.status === 'all' || current.status === 'open' ? current : NO_FILTERS));
      setActiveId(created.id);
    } catch (error) {
      void message.error(describeError(error, t));
      throw error;
    }
  };

  const setFilter = <K extends keyof ThreadFilters>(key: K, value: ThreadFilters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));

  return (
    <section className="comment-panel" data-testid="comment-panel" aria-label={t('comments.title')}>
      <div className="comment-panel__head">
        <Typography.Text strong>
          {t('comments.title')} <Badge count={counts.open} showZero={false} color="#1677ff" />
        </Typography.Text>
        <Button
          size="small"
          type="text"
          icon={<ReloadOutlined />}
          aria-label={t('app.retry')}
          onClick={threads.reload}
          loading={threads.loading && threads.threads.length > 0}
        />
      </div>
      <Segmented<ThreadFilters['status']>
        size="small"
        block
        value={filters.status}
        onChange={(value) => setFilter('status', value)}
        options={[
          { value: 'all', label: t('comments.status.all') },
          ...THREAD_DISPLAY_STATUSES.map((s) => ({ value: s, label: `${t(`comments.status.${s}`)} ${counts[s]}` })),
        ]}
        data-testid="comment-filter-status"
      />
      <div className="comment-panel__filters">
        <Select
          size="small"
          allowClear
          placeholder={t('comments.filters.clause')}
          value={filters.clause}
          onChange={(value: string | undefined) => setFilter('clause', value ?? null)}
          options={options.clauses}
          popupMatchSelectWidth={false}
          data-testid="comment-filter-clause"
        />
        <Select
          size="small"
          allowClear
          placeholder={t('comments.filters.organization')}
          value={filters.organization}
          onChange={(value: string | undefined) => setFilter('organization', value ?? null)}
          options={options.organizations}
          popupMatchSelectWidth={false}
          data-testid="comment-filter-organization"
        />
        <Select
          size="small"
          allowClear
          placeholder={t('comments.filters.author')}
          value={filters.author}
          onChange={(value: string | undefined) => setFilter('author', value ?? null)}
          options={options.authors}
          popupMatchSelectWidth={false}
          data-testid="comment-filter-author"
        />
        <Checkbox
          checked={filters.mentioning !== null}
          onChange={(event) => setFilter('mentioning', event.target.checked ? me.id : null)}
          data-testid="comment-filter-mentions"
        >
          {t('comments.filters.mentionsMe', { count: mentioningMe })}
        </Checkbox>
      </div>

      {draft ? (
        <div className="comment-thread comment-thread--draft" data-testid="comment-draft">
          <Typography.Text type="secondary">{t('comments.newThread')}</Typography.Text>
          <blockquote className="comment-thread__quote">{draft.quote}</blockquote>
          <CommentComposer
            members={memberList}
            placeholder={t('comments.placeholder')}
            submitLabel={t('comments.submit')}
            autoFocus
            onSubmit={startThread}
            onCancel={() => setDraft(null)}
          />
        </div>
      ) : null}

      {threads.error && threads.threads.length === 0 ? (
        <Alert
          type="error"
          showIcon
          title={describeError(threads.error, t)}
          action={
            <Button size="small" onClick={threads.reload}>
              {t('app.retry')}
            </Button>
          }
        />
      ) : null}
      {threads.loading && threads.threads.length === 0 && !threads.error ? (
        <Spin className="comment-panel__spin" />
      ) : null}
      {!threads.loading && visible.length === 0 && !draft ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={threads.threads.length === 0 ? t('comments.empty') : t('comments.emptyFiltered')}
        />
      ) : null}
      <div className="comment-panel__list">
        {visible.map((thread) => (
          <ThreadCard
            key={thread.id}
            thread={thread}
            status={statusOf(thread)}
            active={thread.id === activeId}
            members={memberList}
            cardRef={(element) => {
              if (element) cards.current.set(thread.id, element);
              else cards.current.delete(thread.id);
            }}
            onActivate={() => activate(thread.id, 'panel')}
            onChanged={threads.replace}
            onDeleted={threads.reload}
          />
        ))}
      </div>
      {!threads.canComment && !threads.loading && !threads.error ? (
        <Typography.Text type="secondary" className="comment-panel__hint">
          {t('comments.readOnlyHint')}
        </Typography.Text>
      ) : null}
    </section>
  );
}
