import type { ErrorCode } from '../../../shared/errors';

/** HTTP status for each error code; the body always carries the same `{ ok, error }` envelope. */
export const httpStatusFor: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'unknown-method': 404,
  'not-found': 404,
  conflict: 409,
  refused: 403,
  forbidden: 403,
  cancelled: 409,
  unavailable: 503,
  'database-newer-than-app': 409,
  internal: 500,
};
