/** What the demo content files need to know about their project. */
import type { ProjectPlan } from '@shared/domain/project.js';
import type { TemplateInput } from '../../documents/templates/types.js';

export interface DemoContentContext {
  input: TemplateInput;
  plan: Pick<ProjectPlan, 'planBatch' | 'planNumber' | 'startDate' | 'dueDate'>;
}

/** `2026-01-15` → `2026年1月15日`. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
