import { useState } from 'react';
import { Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import {
  CommentOutlined,
  DeleteOutlined,
  MailOutlined,
  PlusOutlined,
  UndoOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RoundView } from '@shared/api/consultation';
import type { Recipient } from '@shared/domain/consultation';
import { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../lib/format';
import { consultationApi } from '../api/consultationApi';
import { ContactInviteModal } from './ContactInviteModal';
import { RecipientFormModal } from './RecipientFormModal';
import { ReplyTag } from './ReplyTag';

interface RecipientsPanelProps {
  view: RoundView;
  /** Opens the comment form for a unit. */
  onAddComment: (recipientId: string) => void;
  onChanged: () => void;
}

/** The units the 征求意见稿 was sent to, their replies, and what the caller may do for each. */
export function RecipientsPanel({ view, onAddComment, onChanged }: RecipientsPanelProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [inviting, setInviting] = useState<Recipient | null>(null);
  const { busyKey: busyId, runFor: run } = useAction(onChanged);
  const { round, access, items } = view;
  const closed = round.closedAt !== null;
  const itemCount = (recipientId: string) => items.filter((i) => i.recipientId === recipientId).length;
  const mayAnswer = (r: Recipient) => access.canManage || access.answerForRecipientIds.includes(r.id);

  const columns: TableProps<Recipient>['columns'] = [
    {
      key: 'unit',
      title: t('consultation.recipient.unit'),
      render: (_, r) => (
        <Flex gap={6} align="center" wrap>
          <span>{r.unitName}</span>
          <Tag color={r.inGroup ? 'blue' : 'default'}>
            {t(r.inGroup ? 'consultation.recipient.inGroup' : 'consultation.recipient.outside')}
          </Tag>
          {access.answerForRecipientIds.includes(r.id) ? (
            <Tag color="purple">{t('consultation.recipient.mine')}</Tag>
          ) : null}
        </Flex>
      ),
    },
    { key: 'contact', title: t('consultation.recipient.contact'), dataIndex: 'contact', width: 160 },
    {
      key: 'phone',
      title: t('consultation.recipient.phoneEmail'),
      width: 200,
      render: (_, r) =>
        [r.phone, r.email].filter(Boolean).join(' · ') || <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'reply',
      title: t('consultation.recipient.reply'),
      width: 210,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <span>
            <ReplyTag reply={r.reply} />
            {itemCount(r.id) > 0 ? t('consultation.recipient.itemCount', { count: itemCount(r.id) }) : null}
          </span>
          {r.repliedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(r.repliedAt)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('app.actions'),
      width: 300,
      render: (_, r) => (
        <Flex gap={4} wrap>
          {mayAnswer(r) && !closed ? (
            <Button
              size="small"
              icon={<CommentOutlined />}
              onClick={() => onAddComment(r.id)}
              data-testid="recipient-add-comment"
            >
              {t(
                access.answerForRecipientIds.includes(r.id)
                  ? 'consultation.recipient.addOnline'
                  : 'consultation.recipient.addLetter',
              )}
            </Button>
          ) : null}
          {mayAnswer(r) && !closed && r.reply === 'none' ? (
            <Popconfirm
              title={t('consultation.recipient.noCommentsConfirm', { unit: r.unitName })}
              okText={t('app.confirm')}
              cancelText={t('app.cancel')}
              onConfirm={() =>
                run(r.id, () => consultationApi.noComments(round.id, r.id), t('consultation.recipient.noCommentsDone'))
              }
            >
              <Button
                size="small"
                icon={<MailOutlined />}
                loading={busyId === r.id}
                data-testid="recipient-no-comments"
              >
                {t('consultation.recipient.noComments')}
              </Button>
            </Popconfirm>
          ) : null}
          {access.canManage && r.organizationId !== null && !r.inGroup && !closed ? (
            <Button
              size="small"
              type="text"
              icon={<UserAddOutlined />}
              onClick={() => setInviting(r)}
              data-testid="recipient-invite"
            >
              {t('consultation.invite.button')}
            </Button>
          ) : null}
          {access.canManage && r.reply === 'no-comments' && !closed ? (
            <Button
              size="small"
              type="text"
              icon={<UndoOutlined />}
              loading={busyId === r.id}
              onClick={() =>
                void run(r.id, () => consultationApi.updateRecipient(round.id, r.id, { reply: 'none' }), t('app.saved'))
              }
              data-testid="recipient-undo-reply"
            >
              {t('consultation.recipient.undoReply')}
            </Button>
          ) : null}
          {access.canManage && itemCount(r.id) === 0 ? (
            <Popconfirm
              title={t('consultation.recipient.removeConfirm', { unit: r.unitName })}
              okText={t('app.confirm')}
              cancelText={t('app.cancel')}
              onConfirm={() =>
                run(r.id, () => consultationApi.removeRecipient(round.id, r.id), t('consultation.recipient.removed'))
              }
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('app.remove')}
                data-testid="recipient-remove"
              />
            </Popconfirm>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      {access.canManage ? (
        <Flex justify="flex-end">
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="recipient-add">
            {t('consultation.recipient.add')}
          </Button>
        </Flex>
      ) : null}
      <Table<Recipient>
        rowKey="id"
        size="small"
        data-testid="recipients-table"
        columns={columns}
        dataSource={round.recipients}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('consultation.recipient.empty') }}
        onRow={(r) => recipientRowAttributes(r)}
      />
      {inviting ? (
        <ContactInviteModal roundId={round.id} recipient={inviting} onClose={() => setInviting(null)} />
      ) : null}
      {adding ? (
        <RecipientFormModal
          roundId={round.id}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            onChanged();
          }}
        />
      ) : null}
    </Flex>
  );
}

function recipientRowAttributes(r: Recipient): React.HTMLAttributes<HTMLElement> {
  const attributes: Record<string, string> = {
    'data-testid': 'recipient-row',
    'data-reply': r.reply,
    'data-unit': r.unitName,
  };
  return attributes;
}
