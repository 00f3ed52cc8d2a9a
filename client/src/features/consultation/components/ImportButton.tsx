import { useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportRejected, ImportRowProblem } from '@shared/api/consultation';
import { describeError } from '../../../lib/errors';
import { consultationApi } from '../api/consultationApi';

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportButtonProps {
  roundId: string;
  disabled: boolean;
  onImported: () => void;
}

/**
 * Imports a 征求意见汇总处理表 (.xlsx, the Chinese column layout). The server imports all rows or
 * none; when it refuses the file, its row-by-row problems are listed.
 */
export function ImportButton({ roundId, disabled, onImported }: ImportButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [createRecipients, setCreateRecipients] = useState(false);
  const [rejected, setRejected] = useState<ImportRejected | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setRejected(null);
    try {
      const outcome = await consultationApi.importXlsx(roundId, file, createRecipients);
      if (outcome.ok) {
        const created = outcome.result.createdRecipients.length;
        void message.success(
          created > 0
            ? t('consultation.import.doneWithUnits', { count: outcome.result.imported, units: created })
            : t('consultation.import.done', { count: outcome.result.imported }),
        );
        onImported();
      } else {
        setRejected(outcome.rejected);
      }
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Upload
          accept={XLSX_TYPES}
          showUploadList={false}
          disabled={disabled || busy}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} data-testid="import-xlsx">
            {t('consultation.import.button')}
          </Button>
        </Upload>
        <Checkbox
          checked={createRecipients}
          onChange={(e) => setCreateRecipients(e.target.checked)}
          disabled={disabled}
        >
          {t('consultation.import.createRecipients')}
        </Checkbox>
      </Flex>
      {rejected ? <ImportProblems rejected={rejected} onClose={() => setRejected(null)} /> : null}
    </Flex>
  );
}

function ImportProblems({ rejected, onClose }: { rejected: ImportRejected; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="import-problems"
      closable={{ onClose }}
      title={t('consultation.import.rejected', { count: rejected.rows.length })}
      description={
        <Table<ImportRowProblem>
          size="small"
          rowKey={(p) => `${p.row}-${p.column ?? ''}-${p.message}`}
          pagination={false}
          dataSource={rejected.rows}
          columns={[
            { key: 'row', title: t('consultation.import.row'), width: 70, render: (_, p) => (p.row > 0 ? p.row : '—') },
            { key: 'column', title: t('consultation.import.column'), width: 140, render: (_, p) => p.column ?? '—' },
            { key: 'message', title: t('consultation.import.problem'), dataIndex: 'message' },
          ]}
          scroll={{ x: 480, y: 240 }}
        />
      }
    />
  );
}
