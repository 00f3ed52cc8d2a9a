/**
 * The Content-Security-Policy and the other security headers leave the app working in Chromium:
 * it loads, signs in, shows the projects, opens the standard text and edits it live, opens a
 * consultation round and the administration — with no policy violation reported on the way.
 */
import type { Browser, Page } from 'playwright-core';
import type { RoundView } from '@shared/api/consultation.js';
import { plainText } from '@shared/editor/yjsContent.js';
import type { DocumentContentResponse } from '@shared/api/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProject, login, request } from '../helpers/api.js';
import { BODY_PARAGRAPH, launchBrowser, openStandard, signIn } from '../helpers/browser.js';
import { waitFor } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { ok } from '../consultation/helpers.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/**
 * Every violation the page reports, across navigations: the DOM's securitypolicyviolation events
 * and the console's "Refused to …" messages.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) found.push(message.text());
  });
  await page.exposeFunction('reportPolicyViolation', (text: string) => found.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report: unknown = Reflect.get(window, 'reportPolicyViolation');
      if (typeof report === 'function')
        report(`${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return found;
}

describe('the app under its Content-Security-Policy', () => {
  it('signs in, opens and edits the standard, a round and the administration without violations', async () => {
    const lead = await login(server.url, 'lead@example.com');
    const { project, standardId } = await demoProject(server.url, lead);
    const round = await ok<RoundView>(server.url, 'POST', `/api/projects/${project.id}/rounds`, lead, {
      deadline: '2026-06-30',
      recipients: [{ unitName: '浙江某某检测有限公司', contact: '联系人' }],
    });

    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const answer = await page.goto(`${server.url}/login`);
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");

    await signIn(page, server.url, 'lead@example.com');
    await page.goto(`${server.url}/projects/${project.id}`);
    await page.getByText(project.nameZh).first().waitFor();

    await openStandard(page, server.url, standardId);
    await page.locator(BODY_PARAGRAPH).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('——在内容安全策略下输入');
    await waitFor(async () => {
      const read = await request<DocumentContentResponse>(server.url, 'GET', `/api/documents/${standardId}/content`, {
        token: lead,
      });
      return plainText(read.body.content).includes('——在内容安全策略下输入');
    }, 'the typed text reached the server over the websocket');
    await page.screenshot({ path: '/tmp/security-csp-editor.png' });

    await page.goto(`${server.url}/projects/${project.id}/rounds/${round.round.id}`);
    await page.getByRole('tab', { name: '意见汇总处理表' }).waitFor();
    // The frozen 征求意见稿 opens in a read-only editor.
    await page.getByRole('tab', { name: '征求意见稿' }).click();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: '/tmp/security-csp-round.png' });
    expect(violations).toEqual([]);
    await context.close();

    const adminContext = await browser.newContext({ locale: 'zh-CN' });
    const admin = await adminContext.newPage();
    const adminViolations = await watchViolations(admin);
    await signIn(admin, server.url, 'admin@example.com');
    await admin.goto(`${server.url}/admin`);
    await admin.waitForLoadState('networkidle');
    expect(adminViolations).toEqual([]);
    await adminContext.close();
  });
});
