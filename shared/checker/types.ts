/**
 * The drafting checker's public types: a declarative rule table (`Rule`) run over one document
 * (`CheckContext`) yields findings (`Finding`) that the UI lists and jumps from.
 */
import type { DocumentKind } from '../domain/project.js';
import type { ChapterRole } from '../editor/structure/names.js';
import type { CheckContext } from './context.js';

export type { CheckContext } from './context.js';

export type Severity = 'error' | 'warning';

/** A text in the two UI languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** Values substituted into a rule's message (a clause label, a term, a reference code …). */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Where a hit is: what the UI jumps to and the label it shows. */
export interface Location {
  /** The nearest chapter/clause/annex/table/figure/term/reference id; null for the whole document. */
  nodeId: string | null;
  /** The nearest clause-like label (`5.1`, `3.2`, `附录A`, `A.1`) or part name (`前言`, `封面`). */
  clauseLabel: string | null;
  /** Position in document (pre-)order; -1 for the document as a whole. */
  order: number;
}

/**
 * An editor command that repairs a finding, offered beside it (the client runs it on its own text,
 * so it is attributed to the person who clicked): insert the missing chapter of `role` at its place
 * (`insertChapterInOrder`), sort chapter 2 into the GB/T 1.1 order (`sortReferences`).
 */
export type FindingFix = { type: 'insert-chapter'; role: ChapterRole } | { type: 'sort-references' };

/** One violation found by a rule, before its message is rendered. */
export interface RuleHit {
  location: Location;
  params: MessageParams;
  /** A short piece of the offending text. */
  excerpt?: string;
  fix?: FindingFix;
}

export interface Rule {
  /** Stable id, `theme.what` (e.g. `structure.required-chapter-missing`). */
  id: string;
  /** `error` where GB/T 1.1—2020 (or the programme) states the rule outright, `warning` for conventions. */
  severity: Severity;
  title: LocalizedText;
  appliesTo: readonly DocumentKind[];
  check(ctx: CheckContext): RuleHit[];
  /** The finding's message for one hit. */
  message(params: MessageParams): LocalizedText;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: LocalizedText;
  nodeId: string | null;
  clauseLabel: string | null;
  excerpt?: string;
  fix?: FindingFix;
}

export interface CheckResult {
  findings: Finding[];
  counts: { errors: number; warnings: number };
  /** Set by the caller (the server), never by the pure checker. */
  checkedAt?: never;
}
