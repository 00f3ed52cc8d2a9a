/**
 * Field schemas used by several request bodies. Their limits are the only copy: client forms read
 * them back from the schemas (client/src/lib/schemaLimits.ts) instead of repeating the numbers.
 */
import { z } from 'zod';

export const email = z.string().trim().toLowerCase().email('invalid email address').max(254);

/** Digits and + - ( ) and spaces; the length check stops at the first problem so only one issue is reported. */
export const phone = z
  .string()
  .trim()
  .max(30, { message: 'invalid phone number', abort: true })
  .regex(/^[0-9+\-() ]*$/, 'invalid phone number');

/** A person's name (an account's name, a round's 承办人). */
export const personName = z.string().trim().min(1, 'required').max(100);
