/**
 * Building the standard through its structure in a real browser: the toolbar offers no free
 * headings and no bare table; a term entry and a numbered table inserted from the insert menu get
 * their computed numbers (3.x, 表N); a chapter's role and an annex's status can be changed
 * afterwards; a missing chapter is offered as a fix beside its finding; 删除条 deletes a filled
 * clause after a confirmation; numbers follow after a plugin is registered late; the frozen 征求意见稿 shows the cover and the generated contents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { launchBrowser, openStandard, signIn } from '../helpers/browser.js';
import { demoProject, login, request } from '../helpers/api.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let token: string;
let projectId: string;
let standardId: string;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  token = await login(server.url, 'lead@example.com');
  const demo = await demoProject(server.url, token);
  projectId = demo.project.id;
  standardId = demo.standardId;
  context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1500, height: 1000 } });
  page = await context.newPage();
  await signIn(page, server.url, 'lead@example.com');
  await openStandard(page, server.url, standardId);
  await page.locator('.ProseMirror section[data-label="5.1"]').waitFor();
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.dispose();
});

const editor = () => page.locator('[data-testid="editor"] .ProseMirror');
const sectionTitle = (label: string) =>
  editor().locator(`section[data-label="${label}"] > [data-type="sectionTitle"]`).first();
const numbers = (kind: string) =>
  editor()
    .locator(`.gb-number-${kind}`)
    .evaluateAll((spans) => spans.map((s) => s.getAttribute('data-label')));

/** Puts the caret at the end of a text block's text. */
async function caretAtEnd(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.click();
  await page.keyboard.press('End');
}

/** Each second-level clause's label and the number shown in front of its title. */
const shownClauseNumbers = () =>
  editor()
    .locator('section[data-type="clause"][data-depth="2"]')
    .evaluateAll((sections) =>
      sections.map((s) => [
        s.getAttribute('data-label'),
        s.querySelector(':scope > [data-type="sectionTitle"] .gb-number')?.textContent,
      ]),
    );

async function insertFromMenu(testId: string): Promise<void> {
  await page.getByTestId('structure-menu').click();
  await page.getByTestId(testId).click();
}

describe('structured editing in the browser', () => {
  it('offers no free headings and no bare table in the standard toolbar', async () => {
    await caretAtEnd(sectionTitle('5.1'));
    const toolbar = page.getByTestId('toolbar');
    expect(await toolbar.getByText(/^标题\s*\d/).count()).toBe(0);
    expect(await page.getByTestId('toolbar-block-type').count()).toBe(0);
    // Outside a table the rows/columns menu is disabled; inside one it edits rows and columns only.
    expect(await page.getByTestId('toolbar-table').isDisabled()).toBe(true);
    await editor().locator('[data-type="tableBlock"] td p').first().click();
    await page.getByTestId('toolbar-table').click();
    const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
    await menu.getByText('在下方插入行').waitFor();
    expect(await menu.getByText('插入表格').count()).toBe(0);
    await page.keyboard.press('Escape');
    // The only way to a table is the numbered table of the insert menu.
    await page.getByTestId('structure-menu').click();
    await page.getByTestId('insert-table-block').waitFor();
    await page.keyboard.press('Escape');
  });

  it('typing "## " at the start of a paragraph does not turn it into a free heading', async () => {
    const paragraph = editor().locator('section[data-label="5.1"] p').first();
    await paragraph.click();
    await page.keyboard.press('Home');
    await page.keyboard.type('## ');
    await expect.poll(() => paragraph.textContent()).toMatch(/^## /);
    expect(await editor().locator('h1, h2, h3, h4, h5, h6').count()).toBe(0);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => paragraph.textContent()).not.toMatch(/^#/);
  });

  it('inserting a term entry shows the next 3.x; inserting a table block shows the next 表N', async () => {
    const terms = (await numbers('term')).filter((l): l is string => l !== null);
    expect(terms.length).toBeGreaterThan(0);
    const lastTerm = editor().locator('[data-type="termDefinition"]').last();
    await caretAtEnd(lastTerm);
    await insertFromMenu('insert-term');
    await page.keyboard.type('试验用术语甲');
    const next = `3.${terms.length + 1}`;
    await expect.poll(() => numbers('term')).toContain(next);
    const entry = editor()
      .locator('[data-type="termEntry"]')
      .filter({ has: page.locator('[data-type="termName"]', { hasText: '试验用术语甲' }) });
    expect(await entry.locator('.gb-number-term').getAttribute('data-label')).toBe(next);

    const tables = (await numbers('table')).filter((l): l is string => l !== null && !l.includes('.'));
    await caretAtEnd(editor().locator('section[data-label="5.1.1"] > p').first());
    await insertFromMenu('insert-table-block');
    await page.getByTestId('table-block-caption').fill('杯体尺寸');
    await page.getByTestId('table-block-caption').press('Enter');
    const block = editor().locator('[data-type="tableBlock"]').filter({ hasText: '杯体尺寸' });
    await block.waitFor();
    // Inserted before the former 表1, it becomes 表1 and every later table moves up one.
    expect(await block.locator('.gb-number-table').getAttribute('data-label')).toBe('表1');
    await expect
      .poll(async () => (await numbers('table')).filter((l) => l !== null && !l.includes('.')).length)
      .toBe(tables.length + 1);
  });

  it('changes a chapter role afterwards: the missing chapter is reported with a fix, and resolved', async () => {
    await caretAtEnd(sectionTitle('9'));
    const role = page.getByTestId('chapter-role');
    await role.waitFor();
    expect(await role.innerText()).toContain('质量承诺');
    await role.click();
    await page.getByTestId('chapter-role-other').click();
    const finding = page.locator('[data-testid="checker-finding"][data-rule-id="structure.required-chapter-missing"]');
    await finding.waitFor({ timeout: 15_000 });
    expect(await finding.innerText()).toContain('质量承诺');
    // Clicking a finding about the whole document does not claim its place is gone.
    await finding.click();
    expect(await page.getByText('该位置已不存在').count()).toBe(0);
    const fix = page.locator('[data-testid="checker-finding-fix"][data-fix="insert-chapter"]');
    expect(await fix.innerText()).toContain('质量承诺');
    // Instead of inserting a second chapter, the drafter gives chapter 9 its role back.
    await caretAtEnd(sectionTitle('9'));
    await page.getByTestId('chapter-role').click();
    await page.getByTestId('chapter-role-quality-commitment').click();
    await finding.waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('switches an annex between 规范性 and 资料性', async () => {
    const annex = editor().locator('section[data-type="annex"]').first();
    const annexTitle = annex.locator('> [data-type="sectionTitle"]');
    /** The title's text is its last line, below the centered 附录A and (规范性). */
    const caretInAnnexTitle = async () => {
      const box = await annexTitle.boundingBox();
      if (!box) throw new Error('annex title not shown');
      await annexTitle.click({ position: { x: box.width / 2, y: box.height - 6 } });
      await page.keyboard.press('End');
    };
    await caretInAnnexTitle();
    const select = page.getByTestId('annex-type');
    await select.waitFor();
    await select.click();
    await page.getByTestId('annex-type-informative').click();
    await expect.poll(() => annex.locator('.gb-number-annex').getAttribute('data-annex-type')).toBe('informative');
    expect(await annex.locator('.gb-annex-type').innerText()).toContain('资料性');
    await caretInAnnexTitle();
    await page.getByTestId('annex-type').click();
    await page.getByTestId('annex-type-normative').click();
    await expect.poll(() => annex.locator('.gb-number-annex').getAttribute('data-annex-type')).toBe('normative');
  });

  it('删除条 deletes a filled clause with its content after a confirmation; what follows is renumbered', async () => {
    const titleText = async (label: string) =>
      ((await sectionTitle(label).textContent()) ?? '').replace(label, '').trim();
    const before = await titleText('5.3');
    await caretAtEnd(sectionTitle('5.2'));
    await page.getByTestId('delete-section').click();
    const confirm = page.getByTestId('delete-section-confirm');
    await confirm.waitFor();
    expect(await page.locator('.ant-modal-confirm-title').innerText()).toContain('5.2');
    expect(await confirm.innerText()).toContain('子条');
    await page.locator('.ant-modal-confirm-btns .ant-btn-dangerous').click();
    await expect.poll(() => titleText('5.2')).toBe(before);
    // The numbers shown in front of the titles follow (they are written into the kept elements).
    const shown = await shownClauseNumbers();
    expect(shown.length).toBeGreaterThan(2);
    for (const [label, text] of shown) expect(text).toBe(label);
    expect(await editor().textContent()).not.toContain('其中锰的质量分数');
  });

  it('the outline follows a typed title without React visiting the whole text (the selection it saves)', async () => {
    await caretAtEnd(sectionTitle('5.1'));
    // Counts the nodes of the text whose first child is read while the outline updates. React DOM,
    // saving the focused element's selection before each commit, visits every one of them when it
    // takes the editor for an editable element of its own.
    await page.evaluate(() => {
      const root = document.querySelector('[data-testid="editor"] .ProseMirror') as HTMLElement;
      const descriptor = Object.getOwnPropertyDescriptor(Node.prototype, 'firstChild') as PropertyDescriptor;
      const read = descriptor.get as (this: Node) => ChildNode | null;
      const probe = { visited: 0, restore: () => Object.defineProperty(Node.prototype, 'firstChild', descriptor) };
      Object.assign(window, { firstChildProbe: probe });
      Object.defineProperty(Node.prototype, 'firstChild', {
        configurable: true,
        get(this: Node) {
          if (root.contains(this)) probe.visited += 1;
          return read.call(this);
        },
      });
    });
    await page.keyboard.type('甲');
    const outlineEntry = page.getByTestId('outline-item').filter({ hasText: /甲$/ });
    await outlineEntry.waitFor();
    const visited = await page.evaluate(() => {
      const probe = (window as unknown as { firstChildProbe: { visited: number; restore(): void } }).firstChildProbe;
      probe.restore();
      return probe.visited;
    });
    const nodes = await editor().evaluate((root) => root.querySelectorAll('*').length);
    expect(nodes).toBeGreaterThan(1000);
    expect(visited).toBeLessThan(nodes / 10);
    // Still an editable element to the browser: the title took the key, and the next one.
    expect(await editor().evaluate((root) => (root as HTMLElement).isContentEditable)).toBe(true);
    await page.keyboard.press('Backspace');
    await outlineEntry.waitFor({ state: 'detached' });
  });

  it('numbers still follow after a plugin is registered once the text is drawn (as a bubble menu does)', async () => {
    // Registering a plugin makes ProseMirror recreate every plugin view, the numbering's included;
    // the number elements it keeps in the page must still be renumbered afterwards.
    await page.evaluate(() => {
      type Root = { editor: { registerPlugin(plugin: unknown): void; state: { plugins: { constructor: unknown }[] } } };
      const root = document.querySelector('[data-testid="editor"] .ProseMirror') as unknown as Root;
      const Plugin = root.editor.state.plugins[0]?.constructor as new (spec: object) => unknown;
      root.editor.registerPlugin(new Plugin({}));
    });
    await caretAtEnd(sectionTitle('5.1'));
    await page.getByTestId('insert-clause').click();
    await page.keyboard.type('注册插件后插入的条');
    await expect.poll(() => sectionTitle('5.2').textContent()).toContain('注册插件后插入的条');
    const shown = await shownClauseNumbers();
    const labels = shown.map(([label]) => label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const [label, text] of shown) expect(text).toBe(label);
  });

  it('the 目次 lists a new clause in the frame that shows it; away from the view, once the page is idle', async () => {
    /** Inserts a clause after the one titled at `label` and reports the 目次's line count in the next frame. */
    const insertAfter = (label: string) =>
      page.evaluate(async (after) => {
        type Root = HTMLElement & {
          editor: {
            view: { posAtDOM(node: Node, offset: number): number };
            commands: { setTextSelection(pos: number): boolean; insertClauseAfter(): boolean };
          };
        };
        const root = document.querySelector('[data-testid="editor"] .ProseMirror') as Root;
        const title = root.querySelector(`section[data-label="${after}"] > [data-type="sectionTitle"]`) as Node;
        const lines = () =>
          document.querySelectorAll('[data-testid="table-of-contents"] [data-testid="toc-item"]').length;
        const before = lines();
        root.editor.commands.setTextSelection(root.editor.view.posAtDOM(title, 0) + 1);
        root.editor.commands.insertClauseAfter();
        const inFrame = await new Promise<number>((resolve) => requestAnimationFrame(() => resolve(lines())));
        return { before, inFrame };
      }, label);
    const contents = page.getByTestId('table-of-contents');
    const lineTexts = () => contents.getByTestId('toc-item').allTextContents();

    // In view: the first frame after the change lists it, and numbers what follows on.
    await contents.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    const near = await insertAfter('5.1');
    expect(near.inFrame).toBe(near.before + 1);
    expect(await lineTexts()).toContain('5.2　');

    // Pages away (the last clause of chapter 6, the 目次 well out of view): the change does not wait
    // for the 目次, which catches up as soon as the page is idle and is whole when scrolled back to.
    const last = await editor()
      .locator('section[data-type="clause"][data-depth="2"][data-label^="6."]')
      .last()
      .getAttribute('data-label');
    if (!last) throw new Error('chapter 6 has no clause');
    await editor()
      .locator(`section[data-label="${last}"]`)
      .evaluate((section) => section.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    const away = await insertAfter(last);
    expect(away.inFrame).toBe(away.before);
    const next = `6.${Number(last.split('.')[1]) + 1}　`;
    await expect.poll(lineTexts, { timeout: 5000 }).toContain(next);
    await contents.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    expect(await lineTexts()).toContain(next);
  });

  it('the frozen 征求意见稿 shows the cover title, the contents and the drafting credits', async () => {
    const opened = await request<{ round: { id: string } }>(server.url, 'POST', `/api/projects/${projectId}/rounds`, {
      token,
      body: { deadline: '2026-12-31', recipients: [] },
    });
    expect(opened.status).toBe(201);
    await page.goto(`${server.url}/projects/${projectId}/rounds/${opened.body.round.id}`);
    await page.getByTestId('round-tab-snapshot').click();
    const snapshot = page.getByTestId('round-snapshot');
    await snapshot.waitFor();
    await snapshot.getByText('轻量化不锈钢真空保温杯').first().waitFor();
    const contents = snapshot.getByTestId('table-of-contents');
    await contents.getByTestId('toc-item').first().waitFor();
    const items = await contents.getByTestId('toc-item').allInnerTexts();
    expect(items.some((text) => text.includes('范围'))).toBe(true);
    expect(items.some((text) => text.includes('技术要求'))).toBe(true);
    await snapshot.getByTestId('drafting-credits').getByText('浙江恒川杯业股份有限公司').first().waitFor();
  });
});
