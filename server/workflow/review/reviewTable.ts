/**
 * The 审查意见汇总处理表: the 征求意见汇总处理表 (server/export/consultationTable.ts) over the experts'
 * review comments — the same seven columns and the same .xlsx, .docx and ISO exports. The experts
 * stand where the consulted units stand (提出单位: the expert and their unit); the footer gives the
 * vote count, the 审评结论 and the decision totals.
 */
import type { ConsultationItem, ConsultationRound, Recipient } from '@shared/domain/consultation.js';
import { DECISION_LABELS, DECISIONS } from '@shared/domain/consultation.js';
import type { Project } from '@shared/domain/project.js';
import type { ReviewComment, TechnicalReview } from '@shared/workflow/reviews.js';
import { REVIEW_VOTE_LABELS } from '@shared/workflow/reviews.js';
import type { ConsultationTable, TableSort } from '../../export/consultationTable.js';
import { buildConsultationTable } from '../../export/consultationTable.js';
import type { MetadataStore } from '../../storage/types.js';
import { commentsOf, conclusionOf, opinionsOf } from './views.js';

export const REVIEW_TABLE_TITLE = '审查意见汇总处理表';

/** The experts as the table's submitting units: "name（unit）". */
function expertRecipients(store: MetadataStore, review: TechnicalReview, comments: ReviewComment[]): Recipient[] {
  const users = store.collection('users');
  const organizations = store.collection('organizations');
  return review.expertIds.map((id): Recipient => {
    const user = users.get(id);
    const organization = organizations.get(user?.organizationId ?? '');
    return {
      id,
      unitName: organization ? `${user?.name ?? ''}（${organization.name}）` : (user?.name ?? ''),
      contact: user?.name ?? '',
      organizationId: user?.organizationId ?? null,
      inGroup: false,
      reply: comments.some((c) => c.expertId === id) ? 'with-comments' : 'no-comments',
      repliedAt: review.closedAt,
    };
  });
}

/** A review comment as a row of the consultation table (the expert is its submitter). */
function asItem(store: MetadataStore, comment: ReviewComment): ConsultationItem {
  return {
    id: comment.id,
    roundId: comment.reviewId,
    seq: comment.seq,
    clauseId: comment.clauseId,
    clauseLabel: comment.clauseLabel,
    element: comment.element,
    commentType: comment.commentType,
    comment: comment.comment,
    proposedChange: comment.proposedChange,
    recipientId: comment.expertId,
    submitterName: store.collection('users').get(comment.expertId)?.name ?? '',
    receivedDate: comment.createdAt.slice(0, 10),
    source: 'online',
    supporters: [],
    assigneeId: null,
    decision: comment.decision,
    reason: comment.reason,
    implementedIn: null,
    createdBy: comment.expertId,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
  };
}

/** The review as the round the table is built from; the handler is the latest consultation round's. */
function asRound(
  store: MetadataStore,
  project: Project,
  review: TechnicalReview,
  recipients: Recipient[],
): ConsultationRound {
  const handler = store
    .collection('consultationRounds')
    .findMany({ projectId: project.id })
    .sort((a, b) => b.number - a.number)[0]?.handler ?? { name: '', phone: '' };
  return {
    id: review.id,
    projectId: project.id,
    documentId: review.documents.find((d) => d.kind === 'standard')?.documentId ?? '',
    number: review.number,
    title: `第${review.number}次技术审评`,
    stageLabel: '征求意见稿',
    snapshotId: '',
    deadline: review.meetingDate,
    openedAt: review.openedAt,
    openedBy: review.openedBy,
    closedAt: review.closedAt,
    handler,
    recipients,
  };
}

function footer(store: MetadataStore, review: TechnicalReview, comments: ReviewComment[]): string[] {
  const conclusion = conclusionOf(store, review);
  const { votes } = conclusion;
  const counts = DECISIONS.map((d) => `${DECISION_LABELS[d]}${comments.filter((c) => c.decision === d).length}条`);
  const open = comments.filter((c) => c.decision === null).length;
  const voted = opinionsOf(store, review).length;
  return [
    `审评会日期：${review.meetingDate}；审评专家${conclusion.experts}人，表决${voted}人：${REVIEW_VOTE_LABELS.pass}${votes.pass}票，${REVIEW_VOTE_LABELS['pass-with-changes']}${votes['pass-with-changes']}票，${REVIEW_VOTE_LABELS.fail}${votes.fail}票。`,
    `审评结论：${review.closedAt === null ? '审评尚未结束' : conclusion.passed ? '通过' : '不通过'}（通过和修改后通过的票数不少于专家人数的四分之三为通过）。`,
    `审查意见共${comments.length}条：${counts.join('，')}${open > 0 ? `，未处理${open}条` : ''}。`,
  ];
}

export function buildReviewTable(
  store: MetadataStore,
  project: Project,
  review: TechnicalReview,
  sort: TableSort,
): ConsultationTable {
  const comments = commentsOf(store, review.id);
  const recipients = expertRecipients(store, review, comments);
  const round = asRound(store, project, review, recipients);
  const table = buildConsultationTable(
    store,
    project,
    round,
    comments.map((c) => asItem(store, c)),
    sort,
  );
  return { ...table, title: REVIEW_TABLE_TITLE, draftLabel: '送审稿', footer: footer(store, review, comments) };
}

/** "审查意见汇总处理表-<标准名称>-第1次技术审评.xlsx" */
export function reviewTableFileName(table: ConsultationTable, suffix: string, extension: string): string {
  return `${table.title}${suffix}-${table.header.standardName}-${table.round.title}.${extension}`;
}
