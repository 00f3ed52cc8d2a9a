/**
 * The rows, header and footer of the 征求意见汇总处理表 as the exports print them, built once from
 * a round and its items (in 序号 order, or by clause with `sort=clause`).
 */
import type { TableHeader } from '@shared/api/consultation.js';
import type { ConsultationItem, ConsultationRound } from '@shared/domain/consultation.js';
import { DECISION_LABELS } from '@shared/domain/consultation.js';
import type { Project } from '@shared/domain/project.js';
import { sortByClause } from '@shared/consultation/clauseOrder.js';
import type { RoundSummary } from '@shared/consultation/summary.js';
import { summarizeRound, summaryLines } from '@shared/consultation/summary.js';
import { describeChangeRef } from '@shared/consultation/changeRef.js';
import { chinaDateTime, chinaToday } from '../lib/chinaDates.js';
import type { MetadataStore } from '../storage/types.js';

/** The header above the table: the standard, the lead drafting unit and the round's handler. */
export function tableHeader(store: MetadataStore, project: Project, round: ConsultationRound): TableHeader {
  return {
    standardName: project.nameZh,
    leadUnitName: store.collection('organizations').get(project.leadOrganizationId)?.name ?? '',
    handlerName: round.handler.name,
    handlerPhone: round.handler.phone,
  };
}

/** The seven columns, in order. */
export const TABLE_COLUMNS = ['序号', '标准章条编号', '意见内容', '修改建议', '提出单位', '处理意见', '备注'] as const;

export const TABLE_TITLE = '征求意见汇总处理表';

export interface TableRow {
  item: ConsultationItem;
  unitName: string;
  decisionLabel: string;
  /** The seven cells, in TABLE_COLUMNS order. */
  cells: [string, string, string, string, string, string, string];
}

export interface ConsultationTable {
  /** 征求意见汇总处理表, or 审查意见汇总处理表 over the technical review's comments. */
  title: string;
  /** The draft the comments are on (征求意见稿; 送审稿 for a technical review). */
  draftLabel: string;
  header: TableHeader;
  round: ConsultationRound;
  /** YYYY-MM-DD: 填写日期, the day of the export. */
  filledDate: string;
  rows: TableRow[];
  summary: RoundSummary;
  footer: string[];
}

export type TableSort = 'seq' | 'clause';

/** 备注: the reason, then the change that implemented the comment (its history entry), if one was picked. */
function remarkOf(item: ConsultationItem): string {
  const change = item.implementedIn?.changeRef;
  const implemented = change ? describeChangeRef(change, chinaDateTime(change.at)) : '';
  return [item.reason, implemented].filter((part) => part.length > 0).join('；');
}

export function buildConsultationTable(
  store: MetadataStore,
  project: Project,
  round: ConsultationRound,
  items: readonly ConsultationItem[],
  sort: TableSort,
): ConsultationTable {
  const ordered = sort === 'clause' ? sortByClause(items) : [...items].sort((a, b) => a.seq - b.seq);
  const unitName = (id: string): string => round.recipients.find((r) => r.id === id)?.unitName ?? '';
  const summary = summarizeRound(round.recipients, items);
  return {
    title: TABLE_TITLE,
    draftLabel: round.stageLabel,
    header: tableHeader(store, project, round),
    round,
    filledDate: chinaToday(),
    rows: ordered.map((item) => {
      const decisionLabel = item.decision ? DECISION_LABELS[item.decision] : '';
      const unit = unitName(item.recipientId);
      return {
        item,
        unitName: unit,
        decisionLabel,
        cells: [
          String(item.seq),
          item.clauseLabel,
          item.comment,
          item.proposedChange,
          unit,
          decisionLabel,
          remarkOf(item),
        ],
      };
    }),
    summary,
    footer: summaryLines(summary),
  };
}

/** "征求意见汇总处理表-<标准名称>-第1轮.xlsx" for Content-Disposition. */
export function exportFileName(table: ConsultationTable, suffix: string, extension: string): string {
  return `${table.title}${suffix}-${table.header.standardName}-第${table.round.number}轮.${extension}`;
}
