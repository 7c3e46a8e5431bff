import type { ParsedInput, SiteMethod } from '../../../shared/contract';
import { SiteError } from '../../../shared/errors';
import type { CallContext } from './handlers';

type TargetOf = { [M in SiteMethod]?: (input: ParsedInput<M>) => number | undefined };

/** The methods that point a deployment at a collection, and where their input names it. */
const deploymentTargets: TargetOf = {
  'deployments.create': (input) => input.general.collectionId,
  'rules.create': (input) => input.general.collectionId,
  'rules.update': (input) => input.general?.collectionId,
  'rules.addDeployment': (input) => input.collectionId,
  'rules.updateDeployment': (input) => input.collectionId,
};

/**
 * The right to deploy (67108864 on Collection) narrowed to the account's collections, checked
 * on the parsed input so the collection is the one the handler will use.
 */
export function collectionRefusal(
  method: SiteMethod,
  input: unknown,
  context: CallContext,
): SiteError | null {
  const allowed = context.account?.collectionIds;
  const targetOf = deploymentTargets[method] as
    ((input: unknown) => number | undefined) | undefined;
  if (!allowed || allowed.length === 0 || !targetOf) return null;
  const target = targetOf(input);
  if (target === undefined || allowed.includes(target)) return null;
  return new SiteError(
    'forbidden',
    `${context.account!.name} (${context.account!.role}) may not deploy to collection ${target} with ${method}: the account may deploy only to its collections (${allowed.join(', ')}).`,
    { method, collectionId: target, allowed },
  );
}
