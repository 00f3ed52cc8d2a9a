import { useState } from 'react';
import { Empty, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NumberedTableView, TableCellView } from '@shared/editor/structure/tableCells';
import { withKeys } from '../../../lib/listKeys';

interface IndicatorPickerProps {
  open: boolean;
  /** The standard text's numbered tables. */
  tables: readonly NumberedTableView[];
  onPick: (cellId: string) => void;
  onClose: () => void;
}

/** A cell is known by its id; a cell without one (rare in stored tables) by its text. */
const cellIdentity = (cell: TableCellView): string => cell.id ?? `text:${cell.text}`;
const cellsIdentity = (row: readonly TableCellView[]): string => row.map(cellIdentity).join('|');

function PickableCell({ cell, onPick }: { cell: TableCellView; onPick: (cellId: string) => void }) {
  const Tag = cell.header ? 'th' : 'td';
  const id = cell.id;
  if (id === null || cell.text === '') {
    return (
      <Tag colSpan={cell.colspan} rowSpan={cell.rowspan}>
        {cell.text}
      </Tag>
    );
  }
  return (
    <Tag
      colSpan={cell.colspan}
      rowSpan={cell.rowspan}
      className="indicator-picker__cell--pickable"
      tabIndex={0}
      role="button"
      data-testid="indicator-cell"
      onClick={() => onPick(id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onPick(id);
        }
      }}
    >
      {cell.text}
    </Tag>
  );
}

/** 关联指标: shows the standard text's tables; a click on a cell links its current value. */
export function IndicatorPicker({ open, tables, onPick, onClose }: IndicatorPickerProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const table = tables.find((candidate) => candidate.tableId === chosen) ?? tables[0];

  return (
    <Modal
      open={open}
      title={t('structure.indicator.title')}
      footer={null}
      width={820}
      onCancel={onClose}
      destroyOnHidden
    >
      {table ? (
        <div data-testid="indicator-picker">
          <Select
            style={{ width: '100%' }}
            aria-label={t('structure.indicator.table')}
            value={table.tableId}
            onChange={setChosen}
            options={tables.map((candidate) => ({
              value: candidate.tableId,
              label: `${candidate.label}　${candidate.caption}`,
            }))}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('structure.indicator.pick')}
          </Typography.Paragraph>
          <div className="indicator-picker__scroll">
            <table className="indicator-picker__grid">
              <tbody>
                {withKeys(table.rows, cellsIdentity).map(({ key, item: row }) => (
                  <tr key={key}>
                    {withKeys(row, cellIdentity).map(({ key: cellKey, item: cell }) => (
                      <PickableCell key={cellKey} cell={cell} onPick={onPick} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : (
        <Empty description={t('structure.indicator.empty')} />
      )}
    </Modal>
  );
}
