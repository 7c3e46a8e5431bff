import type { z } from 'zod';

/** A field's path inside a page's value, e.g. "package.name"; '' for the page as a whole. */
export type FieldPath = string;

/** Zod says "at most 50 characters"; beside a field the console writes a sentence. */
export function asSentence(message: string): string {
  const text = message.trim();
  if (text === '') return text;
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * The sentence for each invalid field of a page, from the very schema slice the site parses the
 * request with, so the wizard never lets through what the site would refuse (nor the reverse).
 * Only the first issue of a field is kept: one sentence beside it is enough.
 */
export function pageProblems(schema: z.ZodType, value: unknown): Map<FieldPath, string> {
  const problems = new Map<FieldPath, string>();
  const result = schema.safeParse(value);
  if (result.success) return problems;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!problems.has(path)) problems.set(path, asSentence(issue.message));
  }
  return problems;
}

/**
 * What a page needs of the frame around it to show its sentences: the wizard's flow (sentences
 * once touched or after Next), or a Properties dialog (every sentence at once).
 */
export interface PageFields<PageId extends string> {
  problemFor(page: PageId, path: FieldPath): string | undefined;
  touch(page: PageId, path: FieldPath): void;
  /** A field loses focus: the site checks the page (WizardFlow.leave). */
  leave(page: PageId, path: FieldPath): void;
}
