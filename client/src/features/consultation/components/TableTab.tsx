import { Button, Flex, Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ItemView, RoundView } from '@shared/api/consultation';
import type { TableSort } from '../api/consultationApi';
import { ExportButtons } from './ExportButtons';
import { ImportButton } from './ImportButton';
import { ItemsTable } from './ItemsTable';
import { SummaryTable } from './SummaryTable';

interface TableTabProps {
  view: RoundView;
  sort: TableSort;
  onSortChange: (sort: TableSort) => void;
  onAdd: () => void;
  onDecide: (item: ItemView) => void;
  onAssign: (item: ItemView) => void;
  onEdit: (item: ItemView) => void;
  onChanged: () => void;
  onShowInDraft: (clauseId: string) => void;
}

/** The live summary-and-handling table with its toolbar (record, sort, export, import) and footer counts. */
export function TableTab({
  view,
  sort,
  onSortChange,
  onAdd,
  onDecide,
  onAssign,
  onEdit,
  onChanged,
  onShowInDraft,
}: TableTabProps) {
  const { t } = useTranslation();
  const { round, access } = view;
  const closed = round.closedAt !== null;
  const mayRecord = !closed && (access.canManage || access.answerForRecipientIds.length > 0);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex gap={8} align="center" wrap>
          {mayRecord ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid="item-add">
              {t('consultation.item.add')}
            </Button>
          ) : null}
          <Segmented<TableSort>
            value={sort}
            onChange={onSortChange}
            options={[
              { value: 'seq', label: t('consultation.table.bySeq') },
              { value: 'clause', label: t('consultation.table.byClause') },
            ]}
            data-testid="round-sort"
          />
        </Flex>
        {access.unitOnly ? null : <ExportButtons roundId={round.id} sort={sort} />}
      </Flex>
      {access.canManage ? <ImportButton roundId={round.id} disabled={closed} onImported={onChanged} /> : null}
      <ItemsTable
        view={view}
        sort={sort}
        onSortChange={onSortChange}
        onDecide={onDecide}
        onAssign={onAssign}
        onEdit={onEdit}
        onChanged={onChanged}
        onShowInDraft={onShowInDraft}
      />
      {access.unitOnly ? null : <SummaryTable summary={view.summary} />}
    </Flex>
  );
}
