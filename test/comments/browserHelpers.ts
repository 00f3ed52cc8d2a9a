/** Browser helpers of the comment tests: open a document by id, select a piece of its text with the mouse. */
import type { Page } from 'playwright-core';
import type { DocumentContentResponse } from '@shared/api/types.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { request } from '../helpers/api.js';

/** Opens a document directly (both people must be on the same one) and waits for the live connection. */
export async function openDocument(page: Page, baseUrl: string, documentId: string): Promise<void> {
  await page.goto(`${baseUrl}/documents/${documentId}`);
  await page.locator('[data-testid="editor"] .ProseMirror').waitFor();
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
  await page.getByTestId('comment-panel').waitFor();
}

function firstParagraphIn(node: ProseMirrorJSON, inChapter: boolean): string | null {
  if (node.type === 'paragraph' && inChapter) {
    const text = (node.content ?? []).map((c) => c.text ?? '').join('');
    return text.length >= 24 ? text : null;
  }
  for (const child of node.content ?? []) {
    const found = firstParagraphIn(child, inChapter || node.type === 'chapter');
    if (found) return found;
  }
  return null;
}

/** A piece of text (12 characters) of the first chapter's first long paragraph, from the server's copy. */
export async function sampleText(baseUrl: string, token: string, documentId: string): Promise<string> {
  const result = await request<DocumentContentResponse>(baseUrl, 'GET', `/api/documents/${documentId}/content`, {
    token,
  });
  const text = firstParagraphIn(result.body.content, false);
  if (!text) throw new Error('no paragraph in a chapter');
  return text.slice(2, 14);
}

/** Selects the given text in the editor by dragging the mouse over it, as a person would. */
export async function selectText(page: Page, needle: string): Promise<void> {
  const rect = await page.evaluate((text) => {
    const root = document.querySelector('[data-testid="editor"] .ProseMirror');
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(text) ?? -1;
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + text.length);
      (node.parentElement ?? root).scrollIntoView({ block: 'center' });
      const rects = [...range.getClientRects()];
      const first = rects[0];
      const last = rects[rects.length - 1];
      if (!first || !last) return null;
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    return null;
  }, needle);
  if (!rect) throw new Error(`text not found in the editor: ${needle}`);
  await page.mouse.move(rect.x1, rect.y1);
  await page.mouse.down();
  await page.mouse.move(rect.x2, rect.y2, { steps: 10 });
  await page.mouse.up();
}
