/** Response shapes of the consultation API (征求意见). See docs/api.md, section "Consultation rounds". */
import type { ConsultationItem, ConsultationRound, Decision, RecipientReply } from '../domain/consultation.js';
import type { PublicUser } from '../domain/user.js';
import type { RoundSummary } from '../consultation/summary.js';
import type { ProseMirrorJSON } from '../editor/json.js';
import type { DraftingCredits } from '../domain/draftingCredits.js';

export type { RoundSummary } from '../consultation/summary.js';

/** What the caller may do in a round (to show or hide the UI's buttons). */
export interface RoundAccess {
  /** Lead/admin: recipients, letters, import, assigning, closing. */
  canManage: boolean;
  /** The recipients the caller may answer for online (members of that unit's organization). */
  answerForRecipientIds: string[];
  /** May support other units' items (members with the right to comment, reviewers). */
  canSupport: boolean;
  /**
   * The caller is a user of a consulted unit outside the project: the round shows only their own
   * unit (recipients, items, counts) and the frozen draft; no exports, no project pages.
   */
  unitOnly: boolean;
}

/** What the caller may do with one item. */
export interface ItemAccess {
  /** Change the content (creator or lead, while undecided). */
  edit: boolean;
  /** Delete it (creator or lead, while undecided). */
  remove: boolean;
  /** Assign it to a drafter (lead). */
  assign: boolean;
  /** Record the decision and link the implementation (assignee or lead). */
  decide: boolean;
  /** Support it (a member of another unit, not yet supporting). */
  support: boolean;
  /** Withdraw the caller's support. */
  unsupport: boolean;
}

export interface ItemView extends ConsultationItem {
  /** The label of the same clause in the current text; null if it was deleted or the item has no clauseId. */
  currentClauseLabel: string | null;
  /** The submitting unit's name (提出单位). */
  unitName: string;
  assigneeName: string | null;
  /** The current label of implementedIn.clauseId (null if none or deleted). */
  implementedInLabel: string | null;
  can: ItemAccess;
}

/** 标准名称 · 负责起草单位 · 承办人 · 电话 of the table header. */
export interface TableHeader {
  standardName: string;
  leadUnitName: string;
  handlerName: string;
  handlerPhone: string;
}

/** GET /api/projects/:id/rounds — one entry per round, newest first. */
export interface RoundListItem extends ConsultationRound {
  summary: RoundSummary;
}

/** GET /api/rounds/:id — the live summary-and-handling table. Refetch on SSE `consultation-changed`. */
export interface RoundView {
  round: ConsultationRound;
  header: TableHeader;
  /** In 序号 order; the UI sorts by clause with `compareClauseLabels`. */
  items: ItemView[];
  summary: RoundSummary;
  access: RoundAccess;
}

export interface OutlineEntry {
  id: string;
  label: string;
  title: string;
  depth: number;
}

/** GET /api/rounds/:id/snapshot — the frozen 征求意见稿, immutable. */
export interface SnapshotView {
  roundId: string;
  projectId: string;
  documentId: string;
  /** The foreword's credits as they were when the draft was frozen (null for older snapshots). */
  draftingCredits: DraftingCredits | null;
  createdAt: string;
  stageLabel: '征求意见稿';
  /** ProseMirror JSON of the standard text as it was sent out. */
  json: ProseMirrorJSON;
  /** Stable node id → label in the frozen draft ("5.2", "表1", "附录A"). */
  labels: Record<string, string>;
  /** Chapters, clauses and annexes in document order (for choosing a clause when entering a comment). */
  outline: OutlineEntry[];
}

/** POST /api/rounds/:id/import — 200 when every row was imported. */
export interface ImportResult {
  imported: number;
  /** Recipients created for units not yet on the list (only with `?createRecipients=1`). */
  createdRecipients: string[];
  items: ItemView[];
}

export interface ImportRowProblem {
  /** 1-based row number in the worksheet, as Excel shows it. */
  row: number;
  column: string | null;
  message: string;
}

/** POST /api/rounds/:id/import — 400 when any row is bad; nothing was imported. */
export interface ImportRejected {
  error: string;
  rows: ImportRowProblem[];
  issues: { path: string; message: string }[];
}

/** The progress view's record of a round (metadata collection `consultationStats`, id = round id). */
export interface ConsultationStats {
  id: string;
  projectId: string;
  roundNumber: number;
  closed: boolean;
  deadline: string;
  summary: RoundSummary;
  /** Items still open (no decision), in 序号 order. */
  openItems: { id: string; seq: number; clauseLabel: string; assigneeId: string | null }[];
  updatedAt: string;
}

/**
 * POST /api/rounds/:id/recipients/:recipientId/invitations — a user of the unit with this e-mail
 * exists already (they sign in and answer), or an invitation link was made.
 */
export type RoundInviteResponse =
  | { kind: 'existing'; email: string; name: string }
  | { kind: 'invited'; email: string; link: string; expiresAt: string };

/** GET /api/round-invitations/:token (no sign-in needed). */
export interface RoundInvitationInfo {
  email: string;
  organizationName: string;
  unitName: string;
  standardName: string;
  roundTitle: string;
  deadline: string;
}

/** POST /api/round-invitations/:token/accept — signed in as the new user; the round to go to. */
export interface RoundInvitationAccepted {
  token: string;
  user: PublicUser;
  projectId: string;
  roundId: string;
}

/** GET /api/consultations — open rounds the caller answers for (待回复的征求意见), deadline first. */
export interface PendingConsultation {
  roundId: string;
  projectId: string;
  standardName: string;
  title: string;
  deadline: string;
  /** The caller's units on the round's list, with their replies so far. */
  units: { recipientId: string; unitName: string; reply: RecipientReply; items: number }[];
  /** True when the caller sees only their unit's part of the round (not a viewer of the project). */
  unitOnly: boolean;
}

export type { Decision };
