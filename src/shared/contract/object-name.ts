import { z } from 'zod';

/**
 * The name of a collection, a software update group, a deployment package and the other objects
 * an admin names: required, bounded, and one line. Names are printed in lists, CMTrace logs and
 * status messages, where a line break would split a line (or forge the next one).
 */
const lineBreak = /[\r\n\v\f\u0085\u2028\u2029]/;

export const lineBreakRefusal = 'a name cannot contain a line break';

export function objectName(what: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `${what} needs a name`)
    .max(max, `at most ${max} characters`)
    .refine((value) => !lineBreak.test(value), lineBreakRefusal);
}
