/**
 * Choosing in an antd Select with search, as a user does: click it, type, click the option.
 */
import type { Locator, Page } from 'playwright-core';
import { motionDone } from './motion.js';

/** An option whose text starts with `label` followed by a space (an outline entry "5.2  标题"). */
export function startingWith(label: string): RegExp {
  return new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`);
}

/**
 * Opens `select`, types `typed`, and clicks the first option matching `option` once the dropdown has
 * slid open; resolves when the Select shows it chosen. A click during the dropdown's motion, or on a
 * row the virtual list is replacing as the filter narrows, chooses nothing: then it clicks again.
 */
export async function chooseByTyping(
  page: Page,
  select: Locator,
  typed: string,
  option: RegExp | string,
  shown: RegExp | string = typeof option === 'string' ? option : typed,
): Promise<void> {
  await select.click();
  await page.keyboard.type(typed);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const choice = dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first();
  // A single Select shows its value in its content box, a multiple one each value as a `-selection-item`.
  const chosen = select.locator('.ant-select-content-has-value, .ant-select-selection-item').filter({ hasText: shown });
  for (let attempt = 1; ; attempt++) {
    await choice.waitFor();
    await motionDone(dropdown);
    await choice.click();
    try {
      await chosen.waitFor({ timeout: 3000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      // Still open with the typed text: click the option again; closed empty: open it and type again.
      if (!(await dropdown.isVisible())) {
        await select.click();
        await page.keyboard.type(typed);
      }
    }
  }
}
