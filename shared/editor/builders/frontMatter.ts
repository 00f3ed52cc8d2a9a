/** The unnumbered parts of a standard: cover, contents, foreword (with drafting credits), bibliography. */
import type { ProseMirrorJSON } from '../json.js';
import { COVER_FIELDS, NODE, STANDARD_STAGES, type CoverField, type StandardStage } from '../structure/names.js';
import { flatten, type BlockInput } from './blocks.js';

/** 目次: generated from the structure. */
export function tableOfContents(): ProseMirrorJSON {
  return { type: NODE.tableOfContents };
}

/** 前言 (unnumbered, no title typed). */
export function foreword(...blocks: BlockInput[]): ProseMirrorJSON {
  return { type: NODE.foreword, content: flatten(blocks) };
}

/** The 主要起草单位 / 参与起草单位 / 主要起草人 lines, generated from the drafting group. */
export function draftingCredits(): ProseMirrorJSON {
  return { type: NODE.draftingCredits };
}

/** 参考文献 (unnumbered, no title typed). */
export function bibliography(...blocks: BlockInput[]): ProseMirrorJSON {
  return { type: NODE.bibliography, content: flatten(blocks) };
}

/** The cover's fields (all strings, `''` when not filled; the stage one of the cover's stages). */
export type CoverFields = Record<Exclude<CoverField, 'stage'>, string> & { stage: StandardStage };

/** The cover (封面), an atom edited as a form; unfilled fields are `''`, the stage defaults to 征求意见稿. */
export function standardCover(fields: Partial<CoverFields>): ProseMirrorJSON {
  const attrs: Record<string, string> = {};
  for (const field of COVER_FIELDS) attrs[field] = fields[field] ?? (field === 'stage' ? STANDARD_STAGES[0] : '');
  return { type: NODE.standardCover, attrs };
}
