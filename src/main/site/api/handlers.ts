import type { BuiltInRoleName } from '../../../shared/security/built-in-roles';
import type { MethodOutput, ParsedInput, SiteMethod } from '../../../shared/contract';

/** Who is calling: the administrator's name goes into audit rows and "Created By" columns. */
export interface CallContext {
  user: string;
  transport: 'ipc' | 'http' | 'cli' | 'test';
  /** The signed-in account, when the site has accounts; absent for the site's own administrator. */
  account?: { name: string; role: BuiltInRoleName; collectionIds?: number[] };
}

/** The site's implementation of the contract: one function per method, checked by TypeScript. */
export type SiteHandlers = {
  [M in SiteMethod]: (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>>;
};
