/** Real Chromium (Debian's) driven by playwright-core; never a downloaded browser. */
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './api.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  // The first page: the dashboard for bureau staff, the project list for everyone else.
  await page.locator('[data-testid="project-list"], [data-testid="dashboard-page"]').first().waitFor();
}

/**
 * Opens a standard text: the given document, or else the first project's standard from the project
 * list (the list is newest first, so pass the id when the project matters).
 */
export async function openStandard(page: Page, baseUrl?: string, documentId?: string): Promise<void> {
  if (baseUrl && documentId) await page.goto(`${baseUrl}/documents/${documentId}`);
  else await page.getByTestId('document-link-standard').first().click();
  await page.locator('[data-testid="editor"] .ProseMirror').waitFor();
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
}

/** A paragraph of body text in the standard (inside a chapter, not the cover or the foreword). */
export const BODY_PARAGRAPH = '[data-testid="editor"] .ProseMirror section[data-type="chapter"] p';

/**
 * Resolves once every change made so far to a document in the page is written to the browser's
 * offline copy (y-indexeddb, database `zm-doc:<documentId>:<userId>`, store `updates`): a read-write
 * transaction on that store starts only after every one created before it has finished.
 */
export async function offlineCopyWritten(page: Page, documentId: string): Promise<void> {
  await page.evaluate(async (prefix) => {
    const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n?.startsWith(prefix));
    if (!name) throw new Error(`no offline copy ${prefix}…`);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('updates', 'readwrite');
        transaction.objectStore('updates').count();
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  }, `zm-doc:${documentId}:`);
}
