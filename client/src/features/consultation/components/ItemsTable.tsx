import { useMemo } from 'react';
import { Flex, Grid, Table, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { LikeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ItemView, RoundView } from '@shared/api/consultation';
import { sortByClause } from '@shared/consultation/clauseOrder';
import type { TableSort } from '../api/consultationApi';
import { Link } from 'react-router';
import { DECISION_KEYS, decisionKey } from '../lib/decision';
import { documentNodePath } from '../lib/paths';
import { ClauseCell } from './ClauseCell';
import { DecisionTag } from './DecisionTag';
import { ItemActions } from './ItemActions';
import '../styles/consultation.css';
import { describeChangeRef } from '@shared/consultation/changeRef';
import { formatDateTime } from '../../../lib/format';

interface ItemsTableProps {
  view: RoundView;
  sort: TableSort;
  onSortChange: (sort: TableSort) => void;
  onDecide: (item: ItemView) => void;
  onAssign: (item: ItemView) => void;
  onEdit: (item: ItemView) => void;
  onChanged: () => void;
  /** Shows a clause in the frozen draft. */
  onShowInDraft: (clauseId: string) => void;
}

const multiline = { whiteSpace: 'pre-wrap' as const, wordBreak: 'break-word' as const };

/**
 * The 征求意见汇总处理表 itself: 序号 · 标准章条编号 · 意见内容 · 修改建议 · 提出单位 · 处理意见 · 备注,
 * with the type, element, handler and supporters; sortable by clause, filterable by unit and decision.
 */
export function ItemsTable({
  view,
  sort,
  onSortChange,
  onDecide,
  onAssign,
  onEdit,
  onChanged,
  onShowInDraft,
}: ItemsTableProps) {
  const { t } = useTranslation();
  const { round } = view;
  const rows = useMemo(() => (sort === 'clause' ? sortByClause(view.items) : view.items), [view.items, sort]);
  const anyActions = view.items.some((i) => Object.values(i.can).some(Boolean));
  // Fixed columns only where there is room for them beside the scrolling ones.
  const wide = Grid.useBreakpoint().lg === true;

  const columns: TableProps<ItemView>['columns'] = [
    {
      key: 'seq',
      title: t('consultation.item.seq'),
      dataIndex: 'seq',
      width: 56,
      align: 'center',
      fixed: wide ? 'left' : undefined,
    },
    {
      key: 'clause',
      title: t('consultation.item.clause'),
      width: 130,
      fixed: wide ? 'left' : undefined,
      sorter: true,
      sortOrder: sort === 'clause' ? 'ascend' : null,
      sortDirections: ['ascend'],
      showSorterTooltip: { title: t('consultation.table.sortByClause') },
      render: (_, item) => (
        <Flex vertical gap={4} align="flex-start">
          <ClauseCell
            item={item}
            documentId={round.documentId}
            onShowInDraft={onShowInDraft}
            unitOnly={view.access.unitOnly}
          />
          <span
            className="consultation-item__meta"
            data-testid="item-kind"
            data-type={item.commentType}
            data-element={item.element}
          >
            {t(`consultation.element.${item.element}`)} · {t(`consultation.commentType.${item.commentType}`)}
          </span>
        </Flex>
      ),
    },
    {
      key: 'comment',
      title: t('consultation.item.comment'),
      render: (_, item) => (
        <div>
          <div style={multiline}>{item.comment}</div>
          <Supporters item={item} />
        </div>
      ),
    },
    {
      key: 'proposedChange',
      title: t('consultation.item.proposedChange'),
      width: 220,
      render: (_, item) =>
        item.proposedChange ? (
          <div style={multiline}>{item.proposedChange}</div>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'unit',
      title: t('consultation.item.unit'),
      width: 170,
      filters: round.recipients.map((r) => ({ text: r.unitName, value: r.id })),
      onFilter: (value, item) => item.recipientId === value,
      render: (_, item) => (
        <div>
          <div>{item.unitName}</div>
          <span className="consultation-item__meta">
            {[item.submitterName, t(`consultation.source.${item.source}`), item.receivedDate]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </div>
      ),
    },
    {
      key: 'decision',
      title: t('consultation.item.decision'),
      width: 130,
      filters: DECISION_KEYS.map((key) => ({ text: t(`consultation.decision.${key}`), value: key })),
      onFilter: (value, item) => decisionKey(item.decision) === value,
      render: (_, item) => (
        <Flex vertical gap={4} align="flex-start">
          <DecisionTag decision={item.decision} />
          {item.assigneeName ? (
            <span className="consultation-item__meta" data-testid="item-assignee">
              {t('consultation.item.assignedTo', { name: item.assigneeName })}
            </span>
          ) : null}
          {item.implementedIn ? (
            <span className="consultation-item__meta" data-testid="item-implemented">
              {item.implementedInLabel !== null ? (
                <Link
                  to={documentNodePath(round.documentId, item.implementedIn.clauseId)}
                  data-testid="item-implemented-link"
                >
                  {t('consultation.item.implementedAt', { label: item.implementedInLabel })}
                </Link>
              ) : (
                t('consultation.item.implementedAt', { label: t('consultation.item.implementedGone') })
              )}
            </span>
          ) : null}
          {item.implementedIn?.changeRef ? (
            <span className="consultation-item__meta" data-testid="item-change">
              {describeChangeRef(item.implementedIn.changeRef, formatDateTime(item.implementedIn.changeRef.at))}
            </span>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'reason',
      title: t('consultation.item.reason'),
      width: 200,
      render: (_, item) => <div style={multiline}>{item.reason}</div>,
    },
    ...(anyActions
      ? [
          {
            key: 'actions',
            title: t('app.actions'),
            width: 180,
            fixed: wide ? ('right' as const) : undefined,
            render: (_: unknown, item: ItemView) => (
              <ItemActions
                roundId={round.id}
                item={item}
                onDecide={onDecide}
                onAssign={onAssign}
                onEdit={onEdit}
                onChanged={onChanged}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Table<ItemView>
      rowKey="id"
      size="small"
      bordered
      data-testid="round-table"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1320 }}
      locale={{ emptyText: t('consultation.table.empty') }}
      onChange={(_pagination, _filters, sorter) => {
        const single = Array.isArray(sorter) ? sorter[0] : sorter;
        onSortChange(single?.columnKey === 'clause' && single.order === 'ascend' ? 'clause' : 'seq');
      }}
      onRow={(item) => rowAttributes(item)}
    />
  );
}

/** Who supports the comment (members of other units), with their names on hover. */
function Supporters({ item }: { item: ItemView }) {
  const { t } = useTranslation();
  if (item.supporters.length === 0) return null;
  return (
    <Tooltip title={item.supporters.map((s) => `${s.name}（${s.organizationName}）`).join('、')}>
      <span
        className="consultation-item__meta consultation-item__support"
        data-testid="item-supporters"
        data-count={item.supporters.length}
      >
        <LikeOutlined /> {t('consultation.item.supporterCount', { count: item.supporters.length })}
      </span>
    </Tooltip>
  );
}

/** Stable attributes of a row for tests and tools. */
function rowAttributes(item: ItemView): React.HTMLAttributes<HTMLElement> {
  const attributes: Record<string, string> = {
    'data-testid': 'item-row',
    'data-item-id': item.id,
    'data-seq': String(item.seq),
    'data-clause': item.clauseLabel,
    'data-decision': decisionKey(item.decision),
    'data-unit': item.unitName,
  };
  return attributes;
}
