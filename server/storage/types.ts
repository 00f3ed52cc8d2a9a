/**
 * Storage interfaces. The embedded default is lowdb (metadata) plus per-document append logs
 * (Yjs updates); a server database can replace either by implementing these interfaces.
 */
import type { Organization } from '@shared/domain/organization.js';
import type { AuditEntry, Project, ProjectMember } from '@shared/domain/project.js';
import type { MemberRelation, ProjectRole } from '@shared/domain/roles.js';
import type { ConsultationItem, ConsultationRound } from '@shared/domain/consultation.js';
import type { ConsultationStats } from '@shared/api/consultation.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import type { Comment, CommentThread } from '@shared/domain/comments.js';
import type { CommentStats } from '@shared/api/comments.js';
import type { DraftingCredits } from '@shared/domain/draftingCredits.js';
import type { DocumentRestore, DocumentVersion } from '@shared/domain/versions.js';
import type { Submission } from '@shared/workflow/submissions.js';
import type { ProductionCheck } from '@shared/workflow/productionChecks.js';
import type { PeriodicReview, Publication } from '@shared/workflow/publication.js';
import type { ExpertOpinion, ReviewComment, TechnicalReview } from '@shared/workflow/reviews.js';
import type { StageLogEntry } from '@shared/workflow/stageLog.js';
import type { PackageJobView } from '@shared/api/submissionPackage.js';

export interface UserRecord {
  id: string;
  name: string;
  email: string;
  phone: string;
  organizationId: string;
  /** scrypt hash, `scrypt$N$r$p$salt$hash` (base64). Never leaves the server. */
  passwordHash: string;
  isAdmin: boolean;
  active: boolean;
  createdAt: string;
}

export interface SessionRecord {
  id: string;
  /** SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface InvitationRecord {
  id: string;
  projectId: string;
  email: string;
  organizationId: string;
  relation: MemberRelation;
  role: ProjectRole;
  /** SHA-256 of the invitation token sent in the link. */
  tokenHash: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

/**
 * An account offered to the contact of a consulted unit outside the drafting group: accepting it
 * creates a user of the unit's organization (never a member of the group) who lands on the round.
 */
export interface ConsultationInvitationRecord {
  id: string;
  roundId: string;
  recipientId: string;
  email: string;
  organizationId: string;
  /** SHA-256 of the token sent in the link. */
  tokenHash: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export type MemberRecord = ProjectMember & { id: string };

/** The drafting checker's latest counts for a document (read by progress tracking). */
export interface DocumentCheckRecord {
  /** The document id. */
  id: string;
  projectId: string;
  errors: number;
  warnings: number;
  checkedAt: string;
}

/** The last edit of any of a project's documents (the dashboard's "last activity"). */
export interface ProjectActivityRecord {
  /** The project id. */
  id: string;
  at: string;
  userId: string;
}

export interface MetadataSchema {
  organizations: Organization[];
  users: UserRecord[];
  sessions: SessionRecord[];
  projects: Project[];
  members: MemberRecord[];
  invitations: InvitationRecord[];
  audit: AuditEntry[];
  documentChecks: DocumentCheckRecord[];
  consultationRounds: ConsultationRound[];
  consultationItems: ConsultationItem[];
  consultationStats: ConsultationStats[];
  consultationInvitations: ConsultationInvitationRecord[];
  commentThreads: CommentThread[];
  comments: Comment[];
  commentStats: CommentStats[];
  documentVersions: DocumentVersion[];
  documentRestores: DocumentRestore[];
  /** The stage workflow: submissions and the bureaus' decisions, production checks, stage moves. */
  submissions: Submission[];
  productionChecks: ProductionCheck[];
  stageLog: StageLogEntry[];
  /** The technical reviews (技术审评): the experts' opinions and votes, their review comments. */
  technicalReviews: TechnicalReview[];
  reviewOpinions: ExpertOpinion[];
  reviewComments: ReviewComment[];
  /** 发布与认定: one per published project (id = the project's id). */
  publications: Publication[];
  periodicReviews: PeriodicReview[];
  /** When a project's documents were last edited (derived; written at most once a minute per project). */
  projectActivity: ProjectActivityRecord[];
  /** Submission package jobs (the 提交材料 dialog's builds) until they expire; their zips are blobs. */
  packageJobs: PackageJobRecord[];
}

/** A package job as every instance sees it (server/export/package/PackageJobs.ts). */
export interface PackageJobRecord extends PackageJobView {
  /** Who started it: nobody else sees it. */
  userId: string;
  /** Written by the instance building it at least every few seconds while it runs (a lost instance stops). */
  heartbeatAt: string;
}

export type CollectionName = keyof MetadataSchema;
export type RecordOf<K extends CollectionName> = MetadataSchema[K][number];

/** A typed collection with equality filters (translatable to SQL `WHERE a = ? AND b = ?`). */
export interface Collection<T extends { id: string }> {
  get(id: string): T | undefined;
  findOne(where: Partial<T>): T | undefined;
  findMany(where?: Partial<T>): T[];
  insert(record: T): Promise<T>;
  update(id: string, patch: Partial<Omit<T, 'id'>>): Promise<T | undefined>;
  remove(id: string): Promise<boolean>;
  removeWhere(where: Partial<T>): Promise<number>;
}

/** Changes collected for one write (see MetadataStore.batch). */
export interface WriteBatch {
  insert<K extends CollectionName>(name: K, records: RecordOf<K>[]): void;
  update<K extends CollectionName>(name: K, id: string, patch: Partial<Omit<RecordOf<K>, 'id'>>): void;
}

export interface MetadataStore {
  collection<K extends CollectionName>(name: K): Collection<RecordOf<K>>;
  /**
   * Applies every change `build` collects as one write, all or none (SQL: one transaction): if
   * `build` throws, or a change cannot apply (duplicate id, missing row), nothing is changed.
   */
  batch(build: (batch: WriteBatch) => void): Promise<void>;
  /** True when the store holds no organizations and no users (a fresh data dir). */
  isEmpty(): boolean;
  close(): Promise<void>;
}

/** One accepted Yjs update with who sent it and when: the raw material of the change history. */
export interface StoredUpdate {
  update: Uint8Array;
  userId: string;
  /** Epoch milliseconds when the server accepted it. */
  at: number;
}

/** A compacted history entry: consecutive updates of one user merged over a time window. */
export interface HistoryEntry {
  update: Uint8Array;
  userId: string;
  from: number;
  to: number;
  /** Number of original updates merged into this entry. */
  count: number;
}

/** How far a reader got in a document's history: all earlier generations, and `count` updates of `generation`. */
export interface HistoryPosition {
  generation: number;
  count: number;
}

/** A history entry with its place in the store (see `DocumentStore.historySince`). */
export interface PositionedHistoryEntry extends HistoryEntry {
  /** The store's compaction batch the entry belongs to (increasing, never reused). */
  generation: number;
  /** The index of its first update within the generation: its updates are `index … index + count − 1`. */
  index: number;
  /** A compacted history window (final), or a single update of the active log (not compacted yet). */
  sealed: boolean;
}

export interface DocumentStore {
  /** The document's full state as one Yjs update (V1), or null if nothing was ever stored. */
  loadState(documentId: string): Promise<Uint8Array | null>;
  /** Durably appends updates (on disk when the promise resolves). */
  append(documentId: string, updates: StoredUpdate[]): Promise<void>;
  /**
   * Durably appends, of `updates`, what the stored state lacks (each kept with its author and time;
   * one already stored adds nothing), decided and written under the document's lock so that
   * instances doing it at once store it once. Resolves to the number of updates appended. Used for
   * updates heard from another instance that did not confirm storing them (server/redis).
   */
  appendMissing(documentId: string, updates: StoredUpdate[]): Promise<number>;
  /** The attributed history, oldest first. */
  history(documentId: string): Promise<HistoryEntry[]>;
  /**
   * The attributed history after `after` (all of it when null), oldest first, each entry with its
   * position. A compacted window that `after` falls inside is returned whole: its first updates were
   * read before, as single updates of the then active log.
   */
  historySince(documentId: string, after: HistoryPosition | null): Promise<PositionedHistoryEntry[]>;
  /** Merges small updates into history windows and refreshes the state snapshot. */
  compact(documentId: string): Promise<void>;
  /** Frees what the store holds open for a document (called when it is unloaded from memory). */
  release(documentId: string): Promise<void>;
  close(): Promise<void>;
}

/** A frozen document version (the 征求意见稿 sent out in a consultation round). Never changes once saved. */
export interface StoredSnapshot {
  id: string;
  projectId: string;
  documentId: string;
  createdAt: string;
  createdBy: string;
  /** The Yjs state (V1 update) at the moment of freezing. */
  state: Uint8Array;
  /** The same content as ProseMirror JSON. */
  json: ProseMirrorJSON;
  /**
   * The foreword's drafting credits at the moment of freezing (generated from the drafting group,
   * not stored in the document); absent in snapshots frozen before they were kept.
   */
  draftingCredits?: DraftingCredits;
}

export interface SnapshotStore {
  /** Stores a new snapshot durably; refuses to overwrite an existing id. */
  save(snapshot: StoredSnapshot): Promise<void>;
  load(id: string): Promise<StoredSnapshot | null>;
}

/**
 * Files the server makes and keeps whole (submission packages, package jobs' zips), by key
 * (`submissions/<id>.zip`): in the data dir on the embedded store, in PostgreSQL otherwise, so that
 * every instance reads what any instance wrote.
 */
export interface BlobStore {
  /** Stores `data` under `key` durably (replacing what was there, atomically). */
  put(key: string, data: Uint8Array): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes `key` (nothing happens when it is not there). */
  delete(key: string): Promise<void>;
}

/**
 * Locks by name that at most one holder has at a time across every instance of the service (a
 * PostgreSQL advisory lock; within the process on the embedded store, which one process owns). A
 * lock whose holder dies is free again.
 */
export interface TaskLocks {
  /** Takes `key` if nobody holds it: resolves with its release, or with null when it is held. */
  tryLock(key: string): Promise<(() => Promise<void>) | null>;
}
