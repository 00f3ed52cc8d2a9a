/**
 * The standard text laid out as a printed GB/T 1.1—2020 standard: the cover; the front matter (目次,
 * 前言) numbered I, II …; the body from page 1 — the standard's name, the chapters, the annexes each
 * on a new page, 参考文献 — ending with the end line; the standard number in the running header.
 */
import { AlignmentType, Document, Paragraph, SectionType } from 'docx';
import type { ISectionOptions } from 'docx';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { NODE } from '@shared/editor/structure/names.js';
import { endLine, renderBibliography } from './backMatter.js';
import type { Block, RenderContext } from './context.js';
import { BODY_SCOPE } from './context.js';
import { contentsParagraphs } from './contents.js';
import { coverSection } from './cover.js';
import { coverData, stageSuffix } from './coverData.js';
import type { DocumentExportInput } from './exportInput.js';
import { renderForeword } from './foreword.js';
import { pageProperties, runningHeadAndFoot } from './pageSetup.js';
import { createRenderContext } from './renderContext.js';
import { textRun } from './runs.js';
import { renderSection } from './sections.js';
import { LINE, SIZE, autoSpacing, documentStyles } from './styles.js';

function standardName(title: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: autoSpacing(LINE, 2 * LINE),
    children: [textRun(title, { hei: true, size: SIZE.san })],
  });
}

export function standardDocument(input: DocumentExportInput): Document {
  const ctx = createRenderContext(input.json, input.standardJson, input.draftingCredits);
  const cover = coverData(input.standardJson, input.project, input.stageLabel, input.generatedAt);
  const parts = input.json.content ?? [];
  const hasContents = parts.some((node) => node.type === NODE.tableOfContents);
  const foreword = parts.find((node) => node.type === NODE.foreword);

  // The foreword first: the 目次 lists it before the chapters.
  const front: Block[] = foreword ? renderForeword(foreword, ctx, hasContents) : [];
  const body: Block[] = [standardName(cover.titleZh)];
  for (const node of parts) body.push(...bodyPart(node, ctx));
  body.push(endLine());

  const head = runningHeadAndFoot(cover.standardNumber);
  const sections: ISectionOptions[] = [coverSection(cover)];
  if (hasContents || foreword) {
    sections.push({
      properties: { type: SectionType.NEXT_PAGE, page: pageProperties('roman') },
      ...head,
      children: [...(hasContents ? contentsParagraphs(ctx.contents.entries) : []), ...front],
    });
  }
  sections.push({
    properties: { type: SectionType.NEXT_PAGE, page: pageProperties('arabic') },
    ...head,
    children: body,
  });

  return new Document({
    creator: input.draftingCredits.leadUnits.join('、'),
    title: `${cover.titleZh}${stageSuffix(cover)}`,
    subject: '标准文本',
    styles: documentStyles(),
    evenAndOddHeaderAndFooters: true,
    // The 目次's page numbers are page-reference fields: Word fills them in on opening.
    features: { updateFields: true },
    sections,
  });
}

function bodyPart(node: ProseMirrorJSON, ctx: RenderContext): Block[] {
  switch (node.type) {
    case NODE.standardCover:
    case NODE.tableOfContents:
    case NODE.foreword:
      return [];
    case NODE.chapter:
    case NODE.annex:
      return renderSection(node, ctx);
    case NODE.bibliography:
      return renderBibliography(node, ctx);
    default:
      return ctx.blocks([node], BODY_SCOPE);
  }
}
