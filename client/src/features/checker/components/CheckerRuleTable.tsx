import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleCount } from '../lib/ruleSummary';
import { localized } from '../lib/ruleSummary';
import { SeverityIcon } from './SeverityIcon';

interface CheckerRuleTableProps {
  rows: RuleCount[];
  selected: string | null;
  onSelect: (ruleId: string | null) => void;
}

/** Findings by rule; a click on a row shows only that rule's findings (again: all). */
export function CheckerRuleTable({ rows, selected, onSelect }: CheckerRuleTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table<RuleCount>
      size="small"
      className="checker-rule-table"
      data-testid="checker-rule-table"
      rowKey="ruleId"
      pagination={false}
      dataSource={rows}
      rowClassName={(row) => (row.ruleId === selected ? 'checker-rule-table__row--selected' : '')}
      onRow={(row) => ({
        onClick: () => onSelect(row.ruleId === selected ? null : row.ruleId),
      })}
      columns={[
        {
          key: 'rule',
          title: t('checker.rule'),
          render: (_value, row) => (
            <span className="checker-rule-table__rule" title={row.ruleId}>
              <SeverityIcon severity={row.severity} /> {localized(row.title, i18n.language)}
            </span>
          ),
        },
        { key: 'count', title: t('checker.count'), dataIndex: 'count', width: 48, align: 'right' },
      ]}
    />
  );
}
