import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

interface ModalFooterProps {
  onCancel: () => void;
  onOk: () => void;
  loading: boolean;
  okText?: string;
  /** The test id of the confirming button. */
  okTestId: string;
}

/** Cancel and confirm buttons of the consultation dialogs (with a stable test id on the confirm button). */
export function ModalFooter({ onCancel, onOk, loading, okText, okTestId }: ModalFooterProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="flex-end" gap={8}>
      <Button onClick={onCancel}>{t('app.cancel')}</Button>
      <Button type="primary" loading={loading} onClick={onOk} data-testid={okTestId}>
        {okText ?? t('app.save')}
      </Button>
    </Flex>
  );
}
