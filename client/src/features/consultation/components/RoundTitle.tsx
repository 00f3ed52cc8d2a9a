import { Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { EditOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RoundView } from '@shared/api/consultation';
import { useAction } from '../../../hooks/useAction';
import { formatDate, isPast } from '../../../lib/format';
import { consultationApi } from '../api/consultationApi';

interface RoundTitleProps {
  view: RoundView;
  onEdit: () => void;
  onChanged: () => void;
}

/** The round's title, stage, status and deadline; for the lead: edit, close and reopen. */
export function RoundTitle({ view, onEdit, onChanged }: RoundTitleProps) {
  const { t } = useTranslation();
  const { busy, run } = useAction(onChanged);
  const { round, access } = view;
  const closed = round.closedAt !== null;

  const setClosed = (value: boolean) =>
    run(
      () => consultationApi.update(round.id, { closed: value }),
      t(value ? 'consultation.round.closedDone' : 'consultation.round.reopenedDone'),
    );

  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} className="page__header">
      <div>
        <Typography.Title level={3} style={{ margin: '8px 0 4px' }} data-testid="round-title">
          {round.title}
        </Typography.Title>
        <Flex gap={4} align="center" wrap>
          <Tag color="geekblue">{round.stageLabel}</Tag>
          {closed ? (
            <Tag data-testid="round-status" data-closed="true">
              {t('consultation.round.closed')}
            </Tag>
          ) : (
            <Tag color="processing" data-testid="round-status" data-closed="false">
              {t('consultation.round.openStatus')}
            </Tag>
          )}
          <Typography.Text type="secondary">
            {t('consultation.round.opened')} {formatDate(round.openedAt)} ·{' '}
          </Typography.Text>
          <Typography.Text type={!closed && isPast(round.deadline) ? 'danger' : 'secondary'}>
            {t('consultation.round.deadline')} {round.deadline}
          </Typography.Text>
        </Flex>
      </div>
      {access.canManage ? (
        <Flex gap={8} wrap>
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="round-edit">
            {t('consultation.round.edit')}
          </Button>
          {closed ? (
            <Button
              icon={<UnlockOutlined />}
              loading={busy}
              onClick={() => void setClosed(false)}
              data-testid="round-reopen"
            >
              {t('consultation.round.reopen')}
            </Button>
          ) : (
            <Popconfirm
              title={t('consultation.round.closeConfirm')}
              okText={t('app.confirm')}
              cancelText={t('app.cancel')}
              onConfirm={() => setClosed(true)}
            >
              <Button icon={<LockOutlined />} loading={busy} data-testid="round-close">
                {t('consultation.round.close')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ) : null}
    </Flex>
  );
}
