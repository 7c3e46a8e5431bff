import { SiteError, type ErrorCode } from '../../../shared/errors';
import type { FieldProblem } from '../../../shared/contract/deployments';

/**
 * A refused field as the wizard shows it beside the field and the CLI prints it: the sentence
 * starts with the field's path, and the details carry the same issues shape a schema error has.
 */
export function fieldError(code: ErrorCode, problems: FieldProblem[]): SiteError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
  const message = first
    ? `${first.path.join('.')}: ${first.message}${more}.`
    : 'The input is not valid.';
  return new SiteError(code, message, { issues: problems });
}
