import {
  ClientPolicy,
  clientIdHeader,
  clientKeyHeader,
  managementPointPaths,
  type ClientRegistration,
  type ClientRegistrationResult,
  type StateMessageBatch,
  type StateMessageBatchResult,
} from '../../../shared/contract/client-protocol';
import { SiteError, WireResultSchema } from '../../../shared/errors';

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

  /** The management point's address: relative content locations resolve against it. */
  get siteUrl(): string {
    return this.base;
  }

  register(registration: ClientRegistration): Promise<ClientRegistrationResult> {
    return this.call<ClientRegistrationResult>('POST', managementPointPaths.register, registration);
  }

  /** The client's policy, parsed with the protocol's schema as an agent validates it. */
  async policy(identity: ClientIdentity): Promise<ClientPolicy> {
    const value = await this.call<unknown>('GET', managementPointPaths.policy, undefined, identity);
    return ClientPolicy.parse(value);
  }

  postStateMessages(
    identity: ClientIdentity,
    batch: StateMessageBatch,
  ): Promise<StateMessageBatchResult> {
    return this.call<StateMessageBatchResult>(
      'POST',
      managementPointPaths.stateMessages,
      batch,
      identity,
    );
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
