import { Button, Flex, Popconfirm } from 'antd';
import { DeleteOutlined, EditOutlined, LikeOutlined, SolutionOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ItemView } from '@shared/api/consultation';
import { useAction } from '../../../hooks/useAction';
import { consultationApi } from '../api/consultationApi';

interface ItemActionsProps {
  roundId: string;
  item: ItemView;
  onDecide: (item: ItemView) => void;
  onAssign: (item: ItemView) => void;
  onEdit: (item: ItemView) => void;
  onChanged: () => void;
}

/** The buttons of one row, as the item's `can` allows. */
export function ItemActions({ roundId, item, onDecide, onAssign, onEdit, onChanged }: ItemActionsProps) {
  const { t } = useTranslation();
  const { busy, run } = useAction(onChanged);
  const { can } = item;

  return (
    <Flex wrap gap={4}>
      {can.decide ? (
        <Button
          size="small"
          type="primary"
          ghost
          icon={<SolutionOutlined />}
          onClick={() => onDecide(item)}
          data-testid="item-decide"
        >
          {t('consultation.actions.decide')}
        </Button>
      ) : null}
      {can.assign ? (
        <Button size="small" icon={<UserSwitchOutlined />} onClick={() => onAssign(item)} data-testid="item-assign">
          {t('consultation.actions.assign')}
        </Button>
      ) : null}
      {can.support ? (
        <Button
          size="small"
          icon={<LikeOutlined />}
          loading={busy}
          onClick={() => void run(() => consultationApi.support(roundId, item.id), t('consultation.actions.supported'))}
          data-testid="item-support"
        >
          {t('consultation.actions.support')}
        </Button>
      ) : null}
      {can.unsupport ? (
        <Button
          size="small"
          loading={busy}
          onClick={() =>
            void run(() => consultationApi.unsupport(roundId, item.id), t('consultation.actions.unsupported'))
          }
          data-testid="item-unsupport"
        >
          {t('consultation.actions.unsupport')}
        </Button>
      ) : null}
      {can.edit ? (
        <Button
          size="small"
          type="text"
          icon={<EditOutlined />}
          onClick={() => onEdit(item)}
          data-testid="item-edit"
          aria-label={t('app.edit')}
        />
      ) : null}
      {can.remove ? (
        <Popconfirm
          title={t('consultation.actions.removeConfirm', { seq: item.seq })}
          okText={t('app.confirm')}
          cancelText={t('app.cancel')}
          onConfirm={() => run(() => consultationApi.removeItem(roundId, item.id), t('consultation.actions.removed'))}
        >
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            loading={busy}
            data-testid="item-remove"
            aria-label={t('app.remove')}
          />
        </Popconfirm>
      ) : null}
    </Flex>
  );
}
