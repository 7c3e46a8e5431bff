import { z } from 'zod';

/**
 * Every error that crosses the site boundary carries one of these codes, so the console, the CLI
 * and scripts can react to the kind of failure without parsing sentences.
 */
export const errorCodes = [
  'invalid-input',
  'unknown-method',
  'not-found',
  'conflict',
  'refused',
  'forbidden',
  'cancelled',
  'unavailable',
  'database-newer-than-app',
  'internal',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const SiteErrorData = z.object({
  code: ErrorCode,
  /** One sentence an admin can act on; it names the field or object at fault. */
  message: z.string(),
  details: z.unknown().optional(),
});
export type SiteErrorData = z.infer<typeof SiteErrorData>;

/** Thrown inside the site and by clients; crosses every transport as `SiteErrorData`. */
export class SiteError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'SiteError';
    this.code = code;
    this.details = details;
  }

  toData(): SiteErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromData(data: SiteErrorData): SiteError {
    return new SiteError(data.code, data.message, data.details);
  }
}

/** The envelope both transports carry: a value, or an error as data. */
export type WireResult<T = unknown> = { ok: true; value: T } | { ok: false; error: SiteErrorData };

export const WireResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: SiteErrorData }),
]);

/**
 * Turns zod issues into one sentence that names the first bad field, for example
 * "name: Too big: expected string to have <=50 characters".
 */
export function describeZodError(error: z.ZodError, what = 'input'): string {
  const issues = flatIssues(error.issues);
  const first = issues[0];
  if (!first) return `The ${what} is not valid.`;
  const path = first.path.length > 0 ? first.path.join('.') : what;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : '';
  return `${path}: ${first.message}${more}.`;
}

type Issue = { path: PropertyKey[]; message: string; code?: string; errors?: unknown };

/**
 * A value that matches no branch of a union ("a group, or selected updates") is told by the
 * branch it came closest to (the fewest problems), so the sentence names the real field
 * ("selection.ciIds: a deployment holds at most 1,000…") instead of "Invalid input".
 */
function flatIssues(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    const branches =
      issue.code === 'invalid_union' ? (issue.errors as Issue[][] | undefined) : undefined;
    if (!branches?.length) return [issue];
    const closest = branches.reduce((best, branch) =>
      branch.length < best.length ? branch : best,
    );
    return flatIssues(closest).map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
  });
}

export function invalidInput(error: z.ZodError, what = 'input'): SiteError {
  return new SiteError('invalid-input', describeZodError(error, what), {
    issues: flatIssues(error.issues).map((issue) => ({
      path: issue.path.map(String),
      message: issue.message,
    })),
  });
}
