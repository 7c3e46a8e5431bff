import type { SiteMethod } from '../../../shared/contract';
import { SiteError } from '../../../shared/errors';
import { methodPermissions } from '../../../shared/security/method-permissions';
import { roleGrants } from '../../../shared/security/role-permissions';
import type { CallContext } from './handlers';

/**
 * Role-based administration at the one place every transport passes. A call without an account
 * (the console on the site machine, the local CLI, a loopback site that has no accounts) acts
 * as Full Administrator, as the site's own administrator always has; a signed-in account gets
 * exactly what its role grants on the method's object type.
 */
export function refusalFor(method: SiteMethod, context: CallContext): SiteError | null {
  const account = context.account;
  if (!account) return null;
  const needed = methodPermissions[method];
  if (roleGrants(account.role, needed.object, needed.permission)) return null;
  return new SiteError(
    'forbidden',
    `${account.name} (${account.role}) may not call ${method}: the role has no ${needed.permission} permission on ${needed.object}.`,
    { method, object: needed.object, permission: needed.permission },
  );
}
