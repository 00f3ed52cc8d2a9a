import { App, Button } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/errors';
import { versionsApi } from '../api/versionsApi';

export interface RestoreTarget {
  documentId: string;
  versionId: string;
  versionName: string;
}

interface RestoreButtonProps {
  target: RestoreTarget;
  /** The part to restore (stable id or `cover` / `foreword` / `bibliography`); absent: the whole document. */
  part?: { key: string; label: string /** The version does not have it: restoring removes it. */; removes: boolean };
  onRestored: () => void;
  size?: 'small' | 'middle';
}

/** The lead's restore of one part or the whole document, after a confirmation that says what happens. */
export function RestoreButton({ target, part, onRestored, size = 'small' }: RestoreButtonProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const name = target.versionName;

  const confirm = () => {
    modal.confirm({
      title: part
        ? t('versions.restore.confirmTitle', { label: part.label, name })
        : t('versions.restore.confirmWholeTitle', { name }),
      content: (
        <>
          <p>{t('versions.restore.confirmBody')}</p>
          {part?.removes ? <p>{t('versions.restore.confirmRemoves')}</p> : null}
          {part ? null : <p>{t('versions.restore.confirmWhole')}</p>}
        </>
      ),
      okText: t('versions.restore.ok'),
      cancelText: t('app.cancel'),
      okButtonProps: { danger: !part },
      onOk: async () => {
        try {
          await versionsApi.restore(target.documentId, {
            version: target.versionId,
            ...(part ? { clauseId: part.key } : {}),
          });
          void message.success(
            part ? t('versions.restore.done', { label: part.label, name }) : t('versions.restore.doneWhole', { name }),
          );
          onRestored();
        } catch (error) {
          void message.error(describeError(error, t));
        }
      },
    });
  };

  return (
    <Button
      size={size}
      icon={<RollbackOutlined />}
      danger={!part}
      onClick={confirm}
      data-testid={part ? `restore-part-${part.key}` : 'restore-whole'}
    >
      {part ? t('versions.restore.clause', { name }) : t('versions.restore.whole', { name })}
    </Button>
  );
}
