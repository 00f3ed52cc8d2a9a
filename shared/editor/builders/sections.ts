/**
 * Chapters, clauses and annexes. Their numbers (1, 5.2, 附录A, A.1 …) are computed from the
 * structure, never typed; the blocks of a section come before its subclauses (checked).
 */
import type { ProseMirrorJSON } from '../json.js';
import { NODE, TOP_LEVEL_SECTION_TYPES, type AnnexType, type ChapterRole } from '../structure/names.js';
import { flatten, type BlockInput } from './blocks.js';
import { idAttr } from './ids.js';
import { inlineNode, inlineText, type InlineInput } from './inline.js';

/** A title, or a title with an explicit stable id (for nodes that are cross-referenced). */
export type TitleInput = InlineInput | { title: InlineInput; id: string };

function isTitled(input: TitleInput): input is { title: InlineInput; id: string } {
  return typeof input === 'object' && !Array.isArray(input) && 'title' in input && 'id' in input;
}

/** `{ title, id }`: a title with an explicit id. */
export function titled(title: InlineInput, id: string): { title: InlineInput; id: string } {
  return { title, id };
}

/** Children of a chapter, clause or annex: blocks first, then clauses (checked). */
export type SectionChild = BlockInput;

function sectionContent(owner: string, title: InlineInput, children: readonly SectionChild[]): ProseMirrorJSON[] {
  const content: ProseMirrorJSON[] = [inlineNode(NODE.sectionTitle, title)];
  let seenClause = false;
  for (const child of flatten(children)) {
    if (child.type === NODE.clause) seenClause = true;
    else if (seenClause) {
      throw new Error(`${owner} «${inlineText(title)}»: block ${child.type} after a subclause (blocks come first)`);
    }
    if (TOP_LEVEL_SECTION_TYPES.includes(child.type)) {
      throw new Error(`${owner} «${inlineText(title)}»: ${child.type} cannot be nested`);
    }
    content.push(child);
  }
  return content;
}

function section(
  type: string,
  title: TitleInput,
  attrs: Record<string, unknown>,
  children: readonly SectionChild[],
): ProseMirrorJSON {
  const t = isTitled(title) ? title.title : title;
  return {
    type,
    attrs: { id: idAttr(isTitled(title) ? title.id : undefined), ...attrs },
    content: sectionContent(type, t, children),
  };
}

/** A chapter (numbered 1, 2, 3 … in document order). */
export function chapter(role: ChapterRole, title: TitleInput, ...children: SectionChild[]): ProseMirrorJSON {
  return section(NODE.chapter, title, { role }, children);
}

/** A clause (numbered 5.1, 5.1.1 …; A.1 … in an annex). An empty title makes an untitled clause. */
export function clause(title: TitleInput, ...children: SectionChild[]): ProseMirrorJSON {
  return section(NODE.clause, title, {}, children);
}

/** An annex (lettered 附录A, 附录B … in document order, with (规范性)/(资料性)). */
export function annex(normative: AnnexType, title: TitleInput, ...children: SectionChild[]): ProseMirrorJSON {
  return section(NODE.annex, title, { normative }, children);
}
