import { isSiteMethod, siteContract, type SiteMethod } from '../../../shared/contract';
import { invalidInput, SiteError, type WireResult } from '../../../shared/errors';
import { refusalFor } from './authorize';
import { collectionRefusal } from './collection-limiting';
import type { CallContext, SiteHandlers } from './handlers';

/**
 * The site boundary every transport goes through: the method must exist, the input must pass
 * its schema, and whatever goes wrong comes back as data with a code and a sentence.
 */
export async function dispatchCall(
  handlers: SiteHandlers,
  method: string,
  rawInput: unknown,
  context: CallContext,
): Promise<WireResult> {
  if (!isSiteMethod(method)) {
    return fail(new SiteError('unknown-method', `There is no API method called "${method}".`));
  }
  // Before the schema: a refused caller learns nothing about the method's input.
  const refusal = refusalFor(method, context);
  if (refusal) return fail(refusal);
  const spec = siteContract[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) return fail(invalidInput(parsed.error));
  const outsideCollections = collectionRefusal(method, parsed.data, context);
  if (outsideCollections) return fail(outsideCollections);
  try {
    const handler = handlers[method] as (input: unknown, context: CallContext) => Promise<unknown>;
    const value = await handler(parsed.data, context);
    return { ok: true, value };
  } catch (error) {
    return fail(toSiteError(error, method));
  }
}

export function toSiteError(error: unknown, method?: SiteMethod): SiteError {
  if (error instanceof SiteError) return error;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Unexpected error in ${method ?? 'the site'}:`, error);
  return new SiteError(
    'internal',
    `The site could not complete ${method ?? 'the request'}: ${message}`,
  );
}

function fail(error: SiteError): WireResult {
  return { ok: false, error: error.toData() };
}
