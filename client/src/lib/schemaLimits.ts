/**
 * Length limits of form fields, read from the zod request schemas in shared/validation so that the
 * server's limit is the only copy.
 */
import { ZodDefault, ZodNullable, ZodOptional, ZodString } from 'zod';
import type { ZodType } from 'zod';

function stringSchemaOf(field: ZodType): ZodString {
  let schema: unknown = field;
  while (schema instanceof ZodOptional || schema instanceof ZodNullable || schema instanceof ZodDefault) {
    schema = schema.unwrap();
  }
  if (schema instanceof ZodString) return schema;
  throw new Error('the field schema is not a string');
}

/** The maximum length of a string field (optional, nullable or with a default); throws when it has none. */
export function maxLengthOf(field: ZodType): number {
  const { maxLength } = stringSchemaOf(field);
  if (maxLength !== null) return maxLength;
  throw new Error('the field schema has no maximum length');
}

/** The minimum length of a string field (optional, nullable or with a default); throws when it has none. */
export function minLengthOf(field: ZodType): number {
  const { minLength } = stringSchemaOf(field);
  if (minLength !== null) return minLength;
  throw new Error('the field schema has no minimum length');
}
