/**
 * What the cover and the report title pages print, from the standard text's cover (封面) with the
 * project's plan fields where the cover is not filled in: the titles, the number (a `T/ZZB
 * XXXX—YYYY` placeholder until assigned), dates (`XXXX-XX-XX` until set), the publishing body.
 */
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import type { Project } from '@shared/domain/project.js';
import { COVER_FIELDS, NODE, STANDARD_STAGES } from '@shared/editor/structure/names.js';
import type { CoverField, StandardStage } from '@shared/editor/structure/names.js';
import { standardCodePrefix } from '@shared/editor/structure/cover.js';
import { chinaToday } from '../../lib/chinaDates.js';

export interface CoverData {
  ics: string;
  ccs: string;
  /** As printed: the assigned number or `T/ZZB XXXX—YYYY`. */
  standardNumber: string;
  /** `ZZB □XXXX-YYYY`, '' when not assigned. */
  registrationNumber: string;
  titleZh: string;
  titleEn: string;
  /** As printed: `2026-09-01` or `XXXX-XX-XX`. */
  publicationDate: string;
  implementationDate: string;
  publisher: string;
  /** The stage printed on the cover; null for a published standard (no stage label, no patent notice). */
  stage: StandardStage | null;
}

export type CoverAttributes = Record<CoverField, string>;

/** The cover node's fields (all `''` when the document has no cover). */
export function coverAttributes(doc: ProseMirrorJSON): CoverAttributes {
  const cover = (doc.content ?? []).find((node) => node.type === NODE.standardCover);
  const attributes = {} as CoverAttributes;
  for (const field of COVER_FIELDS) {
    const value = cover?.attrs?.[field];
    attributes[field] = typeof value === 'string' ? value.trim() : '';
  }
  return attributes;
}

/** The stage on the standard text's cover (征求意见稿 when it has none). */
export function coverStage(doc: ProseMirrorJSON): StandardStage {
  const stage = coverAttributes(doc).stage;
  return STANDARD_STAGES.find((s) => s === stage) ?? STANDARD_STAGES[0];
}

/** `（报批稿）` after a title; '' for a published standard. */
export function stageSuffix(cover: CoverData): string {
  return cover.stage ? `（${cover.stage}）` : '';
}

const PLACEHOLDER_DATE = 'XXXX-XX-XX';

export function coverData(
  standard: ProseMirrorJSON,
  project: Project,
  stage: StandardStage | null,
  generatedAt: Date,
): CoverData {
  const cover = coverAttributes(standard);
  const year = /^\d{4}/.exec(cover.publicationDate)?.[0] ?? chinaToday(generatedAt.getTime()).slice(0, 4);
  return {
    ics: cover.ics,
    ccs: cover.ccs,
    standardNumber: cover.standardNumber || `${standardCodePrefix('')} XXXX—${year}`,
    registrationNumber: cover.registrationNumber,
    titleZh: cover.titleZh || project.nameZh,
    titleEn: cover.titleEn || project.nameEn,
    publicationDate: cover.publicationDate || PLACEHOLDER_DATE,
    implementationDate: cover.implementationDate || PLACEHOLDER_DATE,
    publisher: cover.publisher || project.publishingBody,
    stage,
  };
}
