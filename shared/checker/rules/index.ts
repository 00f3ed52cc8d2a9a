/**
 * The drafting checker's rule table: every rule the checker runs, grouped by theme. Severity:
 * `error` where GB/T 1.1—2020 (or the Zhejiang Made programme) states the rule outright, `warning`
 * for conventions.
 */
import type { Rule } from '../types.js';
import { COVER_RULES } from './cover.js';
import { LIST_RULES } from './lists.js';
import { NOTE_RULES } from './notes.js';
import { PLACEHOLDER_RULES } from './placeholders.js';
import { REFERENCE_RULES } from './references.js';
import { REQUIREMENT_RULES } from './requirements.js';
import { STRUCTURE_RULES } from './structure.js';
import { TABLE_FIGURE_RULES } from './tablesFigures.js';
import { TERM_RULES } from './terms.js';
import { UNSTRUCTURED_RULES } from './unstructured.js';
import { WORDING_RULES } from './wording.js';

export const RULES: readonly Rule[] = [
  ...COVER_RULES,
  ...STRUCTURE_RULES,
  ...UNSTRUCTURED_RULES,
  ...REFERENCE_RULES,
  ...TERM_RULES,
  ...WORDING_RULES,
  ...REQUIREMENT_RULES,
  ...TABLE_FIGURE_RULES,
  ...NOTE_RULES,
  ...LIST_RULES,
  ...PLACEHOLDER_RULES,
];

/** A rule by its id (for the UI: titles, severity). */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
