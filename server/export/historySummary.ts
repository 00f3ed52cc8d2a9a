/**
 * A history entry in words, as the bureau reads it in the exported timeline (Chinese, the
 * language of the standard): "5.2：新增 120 字，删除 30 字；新增条 5.3；表1 新增 1 行".
 */
import type {
  HistoryEntryView,
  HistoryStructureChange,
  HistoryTarget,
  HistoryTargetKind,
  HistoryTextChange,
} from '@shared/api/history.js';
import { DECISION_LABELS } from '@shared/domain/consultation.js';
import type { ProjectStage } from '@shared/domain/project.js';

/** The kind's name where the label alone does not say it ("表1" and "附录A" do). */
const KIND_NAMES: Partial<Record<HistoryTargetKind, string>> = {
  chapter: '章',
  clause: '条',
  term: '术语',
  reference: '引用文件',
};

/** Names of the attributes people change (cover fields, annex type, chapter role, figure). */
const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  ics: 'ICS号',
  ccs: 'CCS号',
  standardNumber: '标准编号',
  registrationNumber: '登记号',
  titleZh: '中文名称',
  titleEn: '英文名称',
  publicationDate: '发布日期',
  implementationDate: '实施日期',
  publisher: '发布机构',
  stage: '阶段',
  normative: '附录性质',
  role: '章的类型',
  src: '图片',
  listStyle: '列项符号',
};

/** "5.2", "表1", "5.3（已删除）". */
export function targetName(target: HistoryTarget): string {
  const label = target.label || (target.title ? `“${target.title}”` : '（已删除的内容）');
  return target.deleted && target.label ? `${label}（已删除）` : label;
}

function textLine(change: HistoryTextChange): string {
  const parts: string[] = [];
  if (change.added > 0) parts.push(`新增 ${change.added} 字`);
  if (change.removed > 0) parts.push(`删除 ${change.removed} 字`);
  if (change.formatted) parts.push('调整格式');
  if (change.attributes.length > 0)
    parts.push(`修改${change.attributes.map((name) => ATTRIBUTE_NAMES[name] ?? name).join('、')}`);
  return `${targetName(change)}：${parts.join('，')}`;
}

function structureLine(change: HistoryStructureChange): string {
  const kind = KIND_NAMES[change.kind] ?? '';
  const name = targetName(change);
  switch (change.change) {
    case 'inserted':
      return `新增${kind} ${name}`;
    case 'deleted':
      return `删除${kind} ${name}`;
    case 'moved':
      return `移动${kind} ${change.fromLabel ? `${change.fromLabel} → ` : ''}${name}`;
    case 'rows-added':
      return `${name} 新增 ${change.rows ?? 0} 行`;
    case 'rows-removed':
      return `${name} 删除 ${change.rows ?? 0} 行`;
  }
}

/** The entry's changes, one per line. */
export function entrySummary(entry: HistoryEntryView): string {
  if (entry.creation) return `创建文档（${entry.structure.length} 个章、附录等，共 ${entry.added} 字）`;
  const lines = [
    ...entry.restores.map((r) => `恢复 ${r.clauseLabel ?? '全文'} 至版本“${r.versionName}”`),
    ...entry.structure.map(structureLine),
    ...entry.changes.map(textLine),
    ...entry.consultation.map(
      (c) =>
        `落实征求意见第 ${c.roundNumber} 轮第 ${c.seq} 条（${c.clauseLabel}，${c.decision ? DECISION_LABELS[c.decision] : '未处理'}）`,
    ),
  ];
  return lines.length > 0 ? lines.join('\n') : '（无可见的文字或结构变化）';
}

/** The nodes the entry touched: "5.2、表1、前言". */
export function entryClauses(entry: HistoryEntryView): string {
  const names: string[] = [];
  for (const target of [...entry.structure, ...entry.changes]) {
    const name = targetName(target);
    if (!names.includes(name)) names.push(name);
  }
  return names.join('、');
}

const STAGE_NAMES: Readonly<Record<ProjectStage, string>> = {
  approval: '立项',
  drafting: '起草',
  consultation: '征求意见',
  'review-submission': '送审',
  'technical-review': '技术审评',
  'approval-submission': '报批',
  published: '发布与认定',
  'periodic-review': '复审',
};

export interface FilterNames {
  clause?: string;
  person?: string;
  organization?: string;
  stage?: ProjectStage;
  from?: string;
  to?: string;
}

/** "章条 5.2；单位 某检测机构；阶段 征求意见；2026-03-01 至 2026-03-31" ('' when unfiltered). */
export function describeFilters(filters: FilterNames): string {
  const parts: string[] = [];
  if (filters.clause) parts.push(`章条 ${filters.clause}`);
  if (filters.organization) parts.push(`单位 ${filters.organization}`);
  if (filters.person) parts.push(`修改人 ${filters.person}`);
  if (filters.stage) parts.push(`阶段 ${STAGE_NAMES[filters.stage]}`);
  if (filters.from || filters.to) parts.push(`${filters.from ?? '…'} 至 ${filters.to ?? '…'}`);
  return parts.join('；');
}
