import type {
  ClientRegistration,
  ClientRegistrationResult,
} from '../../../shared/contract/clients';
import type {
  StateMessageBatch,
  StateMessageBatchResult,
} from '../../../shared/contract/compliance';
import { SiteError, WireResultSchema } from '../../../shared/errors';
import type { ClientPolicy } from '../../site/mp/management-point';
import { clientIdHeader, clientKeyHeader } from '../server/management-point-routes';

/** A registered client's identity, as an agent keeps it after registration. */
export interface ClientIdentity {
  smsGuid: string;
  clientKey: string;
}

/**
 * What an agent does over HTTP with the management point. The fleet simulator and the tests use
 * it, so they speak to the site exactly as a real client would.
 */
export class ManagementPointClient {
  private readonly base: string;

  constructor(siteUrl: string) {
    this.base = siteUrl.replace(/\/$/, '');
  }

  register(registration: ClientRegistration): Promise<ClientRegistrationResult> {
    return this.call<ClientRegistrationResult>('POST', '/mp/register', registration);
  }

  policy(identity: ClientIdentity): Promise<ClientPolicy> {
    return this.call<ClientPolicy>('GET', '/mp/policy', undefined, identity);
  }

  postStateMessages(
    identity: ClientIdentity,
    batch: StateMessageBatch,
  ): Promise<StateMessageBatchResult> {
    return this.call<StateMessageBatchResult>('POST', '/mp/state-messages', batch, identity);
  }

  private async call<T>(
    method: string,
    path: string,
    body: unknown,
    identity?: ClientIdentity,
  ): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (identity) {
      headers[clientIdHeader] = identity.smsGuid;
      headers[clientKeyHeader] = identity.clientKey;
    }
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const result = WireResultSchema.parse(await response.json());
    if (!result.ok) throw SiteError.fromData(result.error);
    return result.value as T;
  }
}
