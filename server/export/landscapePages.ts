/**
 * The page of the landscape Word tables (征求意见汇总处理表, 材料清单): A4 landscape with 2 cm
 * margins, and "第 x 页 共 y 页" centred in the footer.
 */
import { AlignmentType, Footer, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import type { IRunPropertiesOptions, ISectionPropertiesOptions } from 'docx';

type RunFont = NonNullable<IRunPropertiesOptions['font']>;

const MARGIN = 1134;

/** The width of the text on the page, in twips. */
export const LANDSCAPE_TEXT_WIDTH = 16838 - 2 * MARGIN;

export const LANDSCAPE_A4: ISectionPropertiesOptions = {
  page: {
    size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
  },
};

/** "第 x 页 共 y 页" in `font` at `size` (half-points). */
export function pageOfPagesFooter(font: RunFont, size: number): { default: Footer } {
  return {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              font,
              size,
              children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
            }),
          ],
        }),
      ],
    }),
  };
}
