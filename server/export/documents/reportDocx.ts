/**
 * The drafting explanation (编制说明) and the application report (实施应用报告): a title page (the
 * standard's name, the document's name, the stage, the standard number, the lead unit, the date),
 * then the document from page 1 — its title lines centred, its numbered sections and tables in the
 * fonts of the standard text, cross-references and indicator links showing the standard text's
 * current numbers and values.
 */
import { AlignmentType, Document, Paragraph, SectionType } from 'docx';
import type { DocumentKind } from '@shared/domain/project.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { NODE, SECTION_NODE_TYPES } from '@shared/editor/structure/names.js';
import type { Block } from './context.js';
import { BODY_SCOPE } from './context.js';
import { coverData, stageSuffix } from './coverData.js';
import type { CoverData } from './coverData.js';
import type { DocumentExportInput } from './exportInput.js';
import { inlineRuns } from './inline.js';
import { blankHeadAndFoot, centredPageNumber, pageProperties } from './pageSetup.js';
import { createRenderContext } from './renderContext.js';
import type { RenderContext } from './context.js';
import { textRun } from './runs.js';
import { renderSection } from './sections.js';
import { LINE, SIZE, autoSpacing, documentStyles } from './styles.js';
import { chinaToday } from '../../lib/chinaDates.js';
import { DOCUMENT_TITLES } from '../package/packageFileNames.js';

function centred(text: string, size: number, hei: boolean, before = 0, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: autoSpacing(before, after),
    children: [textRun(text, { hei, size })],
  });
}

/** "2026年12月" */
function monthOf(at: Date): string {
  const [year, month] = chinaToday(at.getTime()).split('-');
  return `${year}年${Number(month)}月`;
}

function titlePage(cover: CoverData, name: string, input: DocumentExportInput): Paragraph[] {
  const lead = input.draftingCredits.leadUnits.join('、');
  return [
    centred('“浙江制造”标准', SIZE.xiaoEr, true, 2400, 480),
    centred(`《${cover.titleZh}》`, SIZE.er, true, 0, 480),
    centred(name, SIZE.er, true, 0, 480),
    ...(cover.stage ? [centred(`（${cover.stage}）`, SIZE.si, false, 0, 240)] : []),
    centred(`标准编号：${cover.standardNumber}`, SIZE.xiaoSi, false),
    centred(lead ? `${lead}标准起草组` : '标准起草组', SIZE.si, true, 5400, 240),
    centred(monthOf(input.generatedAt), SIZE.si, false),
  ];
}

/** The paragraphs before the first section: the document's own title lines, centred. */
function titleLines(nodes: readonly ProseMirrorJSON[], ctx: RenderContext): Paragraph[] {
  return nodes.map(
    (node, index) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: autoSpacing(0, index === nodes.length - 1 ? LINE : 0),
        children: inlineRuns(node.content, ctx.references, index === 0 ? { hei: true, size: SIZE.san } : {}),
      }),
  );
}

function bodyBlocks(input: DocumentExportInput, ctx: RenderContext): Block[] {
  const parts = input.json.content ?? [];
  const sectionTypes: readonly string[] = SECTION_NODE_TYPES;
  const firstSection = parts.findIndex((node) => sectionTypes.includes(node.type));
  const leading = firstSection < 0 ? [] : parts.slice(0, firstSection);
  const titles = leading.every((node) => node.type === NODE.paragraph) ? leading : [];
  const blocks: Block[] = titleLines(titles, ctx);
  for (const node of parts.slice(titles.length)) {
    blocks.push(...(sectionTypes.includes(node.type) ? renderSection(node, ctx) : ctx.blocks([node], BODY_SCOPE)));
  }
  return blocks;
}

export function reportDocument(input: DocumentExportInput, kind: Exclude<DocumentKind, 'standard'>): Document {
  const ctx = createRenderContext(input.json, input.standardJson, input.draftingCredits);
  const cover = coverData(input.standardJson, input.project, input.stageLabel, input.generatedAt);
  const name = DOCUMENT_TITLES[kind];
  return new Document({
    creator: input.draftingCredits.leadUnits.join('、'),
    title: `${cover.titleZh}${name}${stageSuffix(cover)}`,
    subject: name,
    styles: documentStyles(),
    sections: [
      { properties: { page: pageProperties('none') }, ...blankHeadAndFoot(), children: titlePage(cover, name, input) },
      {
        properties: { type: SectionType.NEXT_PAGE, page: pageProperties('arabic') },
        ...centredPageNumber(),
        children: bodyBlocks(input, ctx),
      },
    ],
  });
}
