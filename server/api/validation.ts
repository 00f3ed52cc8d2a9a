import type { Context } from 'hono';
import type { z } from 'zod';
import { Invalid } from '../domain/errors.js';

/** Parses and validates a JSON request body; any problem is a 400 with field-level issues. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new Invalid('the request body must be JSON');
  }
  return validated(schema, raw);
}

/** Parses and validates the query string (each parameter's first value); any problem is a 400 with field-level issues. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return validated(schema, c.req.query());
}

function validated<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new Invalid(
      `invalid request: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
      issues,
    );
  }
  return result.data;
}
