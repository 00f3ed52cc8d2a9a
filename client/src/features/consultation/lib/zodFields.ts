/**
 * Form validation with the zod request schemas of shared/validation/consultation.ts: the body a
 * form would send is checked as a whole, and each problem is put on the form field it concerns
 * (with a localized message where the form has one).
 */
import type { FormInstance } from 'antd';
import type { ZodType } from 'zod';

export interface FieldProblem {
  name: string;
  errors: string[];
}

/** The problems of `value` per top-level field; empty when the schema accepts it. */
export function zodFieldProblems(
  schema: ZodType,
  value: unknown,
  messages: Readonly<Record<string, string>> = {},
): FieldProblem[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  const byField = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '';
    const message = messages[field] ?? issue.message;
    const list = byField.get(field) ?? [];
    if (!list.includes(message)) list.push(message);
    byField.set(field, list);
  }
  return [...byField.entries()].map(([name, errors]) => ({ name, errors }));
}

/**
 * Shows the problems on the form's fields. Returns the messages that matched no field of the form
 * (for a general message), or an empty list when every problem found its field.
 */
export function showFieldProblems<T extends object>(
  form: FormInstance<T>,
  problems: FieldProblem[],
  fieldNames: readonly string[],
): string[] {
  const onFields = problems.filter((p) => fieldNames.includes(p.name));
  if (onFields.length > 0) form.setFields(onFields.map((p) => ({ name: p.name as never, errors: p.errors })));
  return problems.filter((p) => !fieldNames.includes(p.name)).flatMap((p) => p.errors);
}
