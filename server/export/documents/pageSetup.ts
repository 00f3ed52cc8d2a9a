/**
 * Page setup: A4 portrait; the standard number in the running header and the page number in the
 * footer, on the outer side (right on odd pages, left on even ones, as printed standards are);
 * sections numbered in Roman numerals (front matter) or from 1 in Arabic numerals (the body).
 */
import { AlignmentType, Footer, Header, NumberFormat, PageNumber, Paragraph, TextRun } from 'docx';
import type { ISectionOptions } from 'docx';
import { HEI, PAGE, SIZE, SONG } from './styles.js';

export type PageNumbering = 'none' | 'roman' | 'arabic';

export function pageProperties(numbering: PageNumbering): NonNullable<ISectionOptions['properties']>['page'] {
  const size = { width: PAGE.width, height: PAGE.height };
  const { header, footer, ...margin } = PAGE.margin;
  const page = { size, margin: { ...margin, header, footer } };
  if (numbering === 'none') return page;
  return {
    ...page,
    pageNumbers: { start: 1, formatType: numbering === 'roman' ? NumberFormat.UPPER_ROMAN : NumberFormat.DECIMAL },
  };
}

function headerLine(text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Header {
  return new Header({
    children: [new Paragraph({ alignment, children: [new TextRun({ text, font: HEI, size: SIZE.wu })] })],
  });
}

function pageNumberLine(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: SONG, size: SIZE.xiaoWu })],
      }),
    ],
  });
}

/** The standard number in the header and the page number in the footer, on the outer side. */
export function runningHeadAndFoot(standardNumber: string): Pick<ISectionOptions, 'headers' | 'footers'> {
  return {
    headers: {
      default: headerLine(standardNumber, AlignmentType.RIGHT),
      even: headerLine(standardNumber, AlignmentType.LEFT),
    },
    footers: { default: pageNumberLine(AlignmentType.RIGHT), even: pageNumberLine(AlignmentType.LEFT) },
  };
}

/** A page number centred in the footer (the drafting explanation and the application report). */
export function centredPageNumber(): Pick<ISectionOptions, 'footers'> {
  return { footers: { default: pageNumberLine(AlignmentType.CENTER) } };
}

/** No header and no footer (covers and title pages). */
export function blankHeadAndFoot(): Pick<ISectionOptions, 'headers' | 'footers'> {
  const empty = () => new Header({ children: [new Paragraph({ children: [] })] });
  const emptyFooter = () => new Footer({ children: [new Paragraph({ children: [] })] });
  return { headers: { default: empty(), even: empty() }, footers: { default: emptyFooter(), even: emptyFooter() } };
}
