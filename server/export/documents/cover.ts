/**
 * 封面 on its own page: ICS and CCS top left; the code (T/ZZB) large top right, 团体标准 across the
 * page, the standard number right with the registration number below it; a rule; the Chinese title
 * large and centred, the English title, the stage in parentheses and, for the drafts before the
 * 报批稿, the patent notice in a box (a published standard has neither); at the foot (the cover's footer, so it stays there whatever the
 * title's length) the publication and implementation dates, a rule and the publishing body.
 */
import { AlignmentType, BorderStyle, Footer, Paragraph, TabStopType, TextRun } from 'docx';
import type { ISectionOptions } from 'docx';
import {
  PATENT_NOTICE,
  PATENT_NOTICE_STAGES,
  standardCodePrefix,
  standardKindTitle,
} from '@shared/editor/structure/cover.js';
import type { CoverData } from './coverData.js';
import { blankHeadAndFoot, pageProperties } from './pageSetup.js';
import { HEI, SIZE, SONG, TEXT_WIDTH, autoSpacing } from './styles.js';
import type { FontFaces } from './styles.js';

/** The English title in Times New Roman (宋体 for any Chinese in it). */
const ROMAN: FontFaces = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: '宋体',
  cs: 'Times New Roman',
};
const HEAVY_RULE = { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 1 };
const BOX = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 6 };

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

function line(
  text: string,
  font: FontFaces,
  size: number,
  alignment: Alignment,
  options: { before?: number; after?: number; bold?: boolean; spacing?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment,
    spacing: autoSpacing(options.before, options.after),
    children: [new TextRun({ text, font, size, bold: options.bold, characterSpacing: options.spacing })],
  });
}

function rule(before = 0): Paragraph {
  return new Paragraph({ spacing: autoSpacing(before), border: { bottom: HEAVY_RULE }, children: [] });
}

function foot(cover: CoverData): Footer {
  return new Footer({
    children: [
      new Paragraph({
        spacing: autoSpacing(),
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({ text: `${cover.publicationDate} 发布`, font: HEI, size: SIZE.si }),
          new TextRun({ text: `\t${cover.implementationDate} 实施`, font: HEI, size: SIZE.si }),
        ],
      }),
      rule(60),
      line(`${cover.publisher}　发 布`, HEI, SIZE.xiaoEr, AlignmentType.CENTER, { before: 240, after: 120 }),
    ],
  });
}

export function coverSection(cover: CoverData): ISectionOptions {
  const children: Paragraph[] = [
    line(`ICS ${cover.ics}`.trim(), HEI, SIZE.wu, AlignmentType.LEFT),
    line(`CCS ${cover.ccs}`.trim(), HEI, SIZE.wu, AlignmentType.LEFT),
    line(standardCodePrefix(cover.standardNumber), HEI, SIZE.yi + 8, AlignmentType.RIGHT, { before: 360, bold: true }),
    line(standardKindTitle(cover.standardNumber), HEI, SIZE.yi, AlignmentType.CENTER, {
      before: 480,
      after: 360,
      spacing: 240,
    }),
    line(cover.standardNumber, HEI, SIZE.si, AlignmentType.RIGHT),
  ];
  if (cover.registrationNumber)
    children.push(line(cover.registrationNumber, SONG, SIZE.xiaoSi, AlignmentType.RIGHT, { before: 60 }));
  children.push(
    rule(120),
    line(cover.titleZh, HEI, SIZE.yi, AlignmentType.CENTER, { before: 2400, after: 360 }),
    line(cover.titleEn, ROMAN, SIZE.si, AlignmentType.CENTER, { after: 480 }),
  );
  if (cover.stage) children.push(line(`（${cover.stage}）`, SONG, SIZE.si, AlignmentType.CENTER));
  if (cover.stage && PATENT_NOTICE_STAGES.includes(cover.stage)) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: autoSpacing(720),
        indent: { left: TEXT_WIDTH / 8, right: TEXT_WIDTH / 8 },
        border: { top: BOX, bottom: BOX, left: BOX, right: BOX },
        children: [new TextRun({ text: PATENT_NOTICE, font: SONG, size: SIZE.wu })],
      }),
    );
  }
  return {
    properties: { page: pageProperties('none') },
    ...blankHeadAndFoot(),
    footers: { default: foot(cover), even: foot(cover) },
    children,
  };
}
