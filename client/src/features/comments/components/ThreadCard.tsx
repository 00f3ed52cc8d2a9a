import { useState } from 'react';
import type { Ref } from 'react';
import { App, Button, Flex, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CommentView, ThreadView } from '@shared/api/comments';
import type { MemberView } from '@shared/api/types';
import type { ThreadDisplayStatus } from '@shared/domain/comments';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { commentsApi } from '../api/commentsApi';
import type { CommentText } from '../api/commentsApi';
import { CommentBody } from './CommentBody';
import { CommentComposer } from './CommentComposer';
import { THREAD_SELECT_CLASS, clickSelectsThread, keySelectsThread } from '../lib/threadSelection';

const STATUS_COLOR: Record<ThreadDisplayStatus, string> = {
  open: 'processing',
  resolved: 'success',
  orphaned: 'default',
};

interface ThreadCardProps {
  thread: ThreadView;
  status: ThreadDisplayStatus;
  active: boolean;
  members: MemberView[];
  cardRef?: Ref<HTMLElement>;
  onActivate: () => void;
  /** A mutation answered with the thread as it is now. */
  onChanged: (thread: ThreadView) => void;
  /** A comment or the whole thread was deleted. */
  onDeleted: () => void;
}

function CommentItem({
  comment,
  members,
  onChanged,
  onDeleted,
}: {
  comment: CommentView;
  members: MemberView[];
  onChanged: (t: ThreadView) => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);

  if (comment.deleted) {
    return (
      <div className="comment-item comment-item--deleted" data-testid="comment-item" data-deleted="true">
        <Typography.Text type="secondary" italic>
          {t('comments.deleted')}
        </Typography.Text>
      </div>
    );
  }

  const save = async (text: CommentText) => {
    try {
      onChanged(await commentsApi.edit(comment.id, text));
      setEditing(false);
    } catch (error) {
      void message.error(describeError(error, t));
      throw error;
    }
  };
  const remove = async () => {
    try {
      await commentsApi.remove(comment.id);
      onDeleted();
    } catch (error) {
      void message.error(describeError(error, t));
    }
  };

  return (
    <div className="comment-item" data-testid="comment-item" data-comment-id={comment.id}>
      <div className="comment-item__meta">
        <Typography.Text strong>{comment.authorName}</Typography.Text>
        <Typography.Text type="secondary" className="comment-item__org">
          {comment.organizationName}
        </Typography.Text>
        <Typography.Text type="secondary" className="comment-item__time">
          {formatDateTime(comment.createdAt)}
          {comment.editedAt ? ` · ${t('comments.edited')}` : ''}
        </Typography.Text>
        {comment.can.edit || comment.can.remove ? (
          <span className="comment-item__tools">
            {comment.can.edit ? (
              <Tooltip title={t('comments.edit')}>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('comments.edit')}
                  onClick={() => setEditing(true)}
                  data-testid="comment-edit"
                />
              </Tooltip>
            ) : null}
            {comment.can.remove ? (
              <Popconfirm
                title={t('comments.deleteConfirm')}
                okText={t('comments.delete')}
                cancelText={t('app.cancel')}
                onConfirm={() => void remove()}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('comments.delete')}
                  data-testid="comment-delete"
                />
              </Popconfirm>
            ) : null}
          </span>
        ) : null}
      </div>
      {editing ? (
        <CommentComposer
          members={members}
          placeholder={t('comments.placeholder')}
          submitLabel={t('app.save')}
          initial={comment.body}
          autoFocus
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <CommentBody body={comment.body} mentions={comment.mentions} />
      )}
    </div>
  );
}

/** One thread in the panel: who, where (clause, quoted text), the discussion, and what the caller may do. */
export function ThreadCard({
  thread,
  status,
  active,
  members,
  cardRef,
  onActivate,
  onChanged,
  onDeleted,
}: ThreadCardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const settle = async (action: 'resolve' | 'reopen') => {
    setBusy(true);
    try {
      onChanged(await (action === 'resolve' ? commentsApi.resolve(thread.id) : commentsApi.reopen(thread.id)));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };
  const reply = async (text: CommentText) => {
    try {
      onChanged(await commentsApi.reply(thread.id, text));
    } catch (error) {
      void message.error(describeError(error, t));
      throw error;
    }
  };

  return (
    <article
      ref={cardRef}
      className={`comment-thread comment-thread--${status}${active ? ' comment-thread--active' : ''}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-status={status}
      onClick={(event) => {
        if (clickSelectsThread(event)) onActivate();
      }}
      onKeyDown={(event) => {
        if (keySelectsThread(event)) {
          event.preventDefault();
          onActivate();
        }
      }}
    >
      <Flex justify="space-between" align="center" gap={8} className="comment-thread__head">
        <span>
          <Tag color={STATUS_COLOR[status]}>{t(`comments.status.${status}`)}</Tag>
          {thread.clauseLabel ? (
            <Tag className="comment-thread__clause" data-testid="comment-clause">
              {thread.clauseLabel}
            </Tag>
          ) : null}
        </span>
        <span>
          {thread.can.resolve ? (
            <Button
              size="small"
              icon={<CheckOutlined />}
              loading={busy}
              onClick={() => void settle('resolve')}
              data-testid="comment-resolve"
            >
              {t('comments.resolve')}
            </Button>
          ) : null}
          {thread.can.reopen ? (
            <Button
              size="small"
              icon={<UndoOutlined />}
              loading={busy}
              onClick={() => void settle('reopen')}
              data-testid="comment-reopen"
            >
              {t('comments.reopen')}
            </Button>
          ) : null}
        </span>
      </Flex>
      <blockquote
        className="comment-thread__quote"
        title={status === 'orphaned' ? t('comments.orphanedHint') : undefined}
      >
        {/* Selects the thread: the card's click and key handlers act on it (see lib/threadSelection). */}
        <button type="button" className={THREAD_SELECT_CLASS} aria-pressed={active}>
          {thread.quote}
        </button>
      </blockquote>
      {status === 'orphaned' ? (
        <Typography.Text type="secondary" className="comment-thread__note">
          {t('comments.orphanedHint')}
        </Typography.Text>
      ) : null}
      <div className="comment-thread__comments">
        {thread.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            members={members}
            onChanged={onChanged}
            onDeleted={onDeleted}
          />
        ))}
      </div>
      {thread.status === 'resolved' && thread.resolvedByName ? (
        <Typography.Text type="secondary" className="comment-thread__note">
          {t('comments.resolvedBy', {
            name: thread.resolvedByName,
            time: thread.resolvedAt ? formatDateTime(thread.resolvedAt) : '',
          })}
        </Typography.Text>
      ) : null}
      {active && thread.can.reply ? (
        <CommentComposer
          members={members}
          placeholder={t('comments.replyPlaceholder')}
          submitLabel={t('comments.reply')}
          onSubmit={reply}
        />
      ) : null}
    </article>
  );
}
