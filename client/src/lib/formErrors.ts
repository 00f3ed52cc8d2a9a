/**
 * Bridges form validation and the server: zod schemas from `shared/validation/requests.ts` become
 * antd field rules, and the `issues` of a rejected request are shown on the matching fields.
 */
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ZodType } from 'zod';
import { ApiRequestError } from '../api/http';

/** A field rule that accepts the value when `schema` does; `message` is shown otherwise. */
export function zodRule(schema: ZodType, message: string): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      if (!schema.safeParse(value).success) throw new Error(message);
    },
  };
}

/**
 * Puts the server's field issues on the form's fields. Returns true when at least one issue matched
 * a field of the form (the caller then needs no separate message for them).
 */
export function applyServerIssues<T extends object>(
  form: FormInstance<T>,
  error: unknown,
  fieldNames: readonly string[],
): boolean {
  if (!(error instanceof ApiRequestError) || error.issues.length === 0) return false;
  const byField = new Map<string, string[]>();
  for (const issue of error.issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (!fieldNames.includes(field)) continue;
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.entries()].map(([name, errors]) => ({ name: name as never, errors })));
  return true;
}
