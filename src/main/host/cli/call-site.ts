import type { MethodInput, MethodOutput, SiteMethod } from '../../../shared/contract';
import { SiteError } from '../../../shared/errors';
import { dispatchCall } from '../../site/api/dispatch';
import type { Site } from '../../site/site';

/** The CLI goes through the same boundary as the consoles: input parsed, errors as sentences. */
export async function callSite<M extends SiteMethod>(
  site: Site,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await dispatchCall(site.handlers, method, input, {
    user: cliUser(),
    transport: 'cli',
  });
  if (!result.ok) throw SiteError.fromData(result.error);
  return result.value as MethodOutput<M>;
}

function cliUser(): string {
  return process.env.USER ?? process.env.USERNAME ?? 'cli';
}
