/**
 * The consultation round (征求意见): the 征求意见稿 sent to units inside and outside the drafting
 * group, the comments they return and how each is handled (采纳 / 部分采纳 / 不采纳). The
 * summary-and-handling table (征求意见汇总处理表) is a view of these records; its counts are
 * computed (shared/consultation/summary.ts), never stored or typed.
 */

/** A consulted unit's answer: not yet, 回函无意见, or comments received. */
export const RECIPIENT_REPLIES = ['none', 'no-comments', 'with-comments'] as const;
export type RecipientReply = (typeof RECIPIENT_REPLIES)[number];

/** The element of the clause a comment is about (ISO template column 4). */
export const COMMENT_ELEMENTS = ['paragraph', 'table', 'figure', 'note', 'other'] as const;
export type CommentElement = (typeof COMMENT_ELEMENTS)[number];

/** 一般 general / 技术 technical / 编辑 editorial (ISO ge / te / ed). */
export const COMMENT_TYPES = ['general', 'technical', 'editorial'] as const;
export type CommentType = (typeof COMMENT_TYPES)[number];

/** 采纳 / 部分采纳 / 不采纳; null while the item is still open. */
export const DECISIONS = ['accepted', 'partly-accepted', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** How a comment reached the group: entered online by the unit, from a letter/e-mail, or an imported table. */
export const ITEM_SOURCES = ['online', 'letter', 'import'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

/** A unit the 征求意见稿 was sent to (① of the footer counts). */
export interface Recipient {
  id: string;
  unitName: string;
  /** Contact person. */
  contact: string;
  phone?: string;
  email?: string;
  /** The unit's organization when it is known to the system: its users answer online, in the drafting group or not. */
  organizationId: string | null;
  /** True when the unit belongs to the drafting group (set by the server from the members). */
  inGroup: boolean;
  reply: RecipientReply;
  repliedAt: string | null;
}

/** The person responsible for the table (承办人) printed in its header. */
export interface RoundHandler {
  name: string;
  phone: string;
}

export interface ConsultationRound {
  id: string;
  projectId: string;
  /** The standard text that was frozen. */
  documentId: string;
  /** 1, 2 … within the project. */
  number: number;
  title: string;
  stageLabel: '征求意见稿';
  /** The immutable frozen text (GET /api/rounds/:id/snapshot). */
  snapshotId: string;
  /** The version the freeze made (shared/domain/versions.ts); absent on rounds opened before versions existed. */
  versionId?: string;
  /** YYYY-MM-DD: replies are expected by this date. */
  deadline: string;
  openedAt: string;
  openedBy: string;
  /** Closed rounds accept no new comments or replies; handling (decisions) continues. */
  closedAt: string | null;
  handler: RoundHandler;
  recipients: Recipient[];
}

export interface Supporter {
  userId: string;
  name: string;
  organizationName: string;
}

/**
 * The change that implemented an accepted comment: an entry of the document's change history
 * (修改记录), as it read when the handler picked it (who, when, which clauses). The history shows the
 * item beside that entry (items whose `implementedIn.changeRef.entryId` names it).
 */
export interface ChangeRef {
  documentId: string;
  /** The history entry's id (`<generation>.<index>`). */
  entryId: string;
  userId: string;
  userName: string;
  organizationName: string;
  /** ISO time of the entry's last change. */
  at: string;
  /** The clauses the entry changed, labelled as when it was picked ("5.2", "表1"). */
  labels: string[];
}

/** Where an accepted comment was implemented in the current text. */
export interface Implementation {
  clauseId: string;
  note: string;
  /** The change (history entry) that implemented it, when the handler picked one. */
  changeRef?: ChangeRef | null;
}

/** One comment of the table (one row). */
export interface ConsultationItem {
  id: string;
  roundId: string;
  /** 序号, 1, 2 … in order of recording within the round. */
  seq: number;
  /** The stable id of the chapter/clause/annex/table/figure in the frozen draft; null for 全文, 前言, … */
  clauseId: string | null;
  /** 标准章条编号 as in the frozen draft ("5.2", "表1", "附录A", or free text like "全文"). */
  clauseLabel: string;
  element: CommentElement;
  commentType: CommentType;
  /** 意见内容 */
  comment: string;
  /** 修改建议 */
  proposedChange: string;
  /** The submitting unit (提出单位). */
  recipientId: string;
  submitterName: string;
  /** YYYY-MM-DD */
  receivedDate: string;
  source: ItemSource;
  supporters: Supporter[];
  /** The drafter who handles it (assigned by the lead). */
  assigneeId: string | null;
  decision: Decision | null;
  /** 备注: the reason, required unless accepted. */
  reason: string;
  implementedIn: Implementation | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Chinese words of the table. */
export const DECISION_LABELS: Record<Decision, string> = {
  accepted: '采纳',
  'partly-accepted': '部分采纳',
  rejected: '不采纳',
};

export const COMMENT_TYPE_LABELS: Record<CommentType, string> = {
  general: '一般',
  technical: '技术',
  editorial: '编辑',
};

/** ISO/IEC template codes (column "Type of comment"). */
export const COMMENT_TYPE_ISO: Record<CommentType, 'ge' | 'te' | 'ed'> = {
  general: 'ge',
  technical: 'te',
  editorial: 'ed',
};

export const ELEMENT_LABELS: Record<CommentElement, string> = {
  paragraph: '段',
  table: '表',
  figure: '图',
  note: '注',
  other: '其他',
};
