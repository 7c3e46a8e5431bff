import type { SoftwareUpdateClientSettings } from '../../../shared/compliance/client-settings';
import {
  ClientRegistration,
  StateMessageBatch,
  type ClientPolicy,
  type ClientRegistrationResult,
  type StateMessageBatchResult,
} from '../../../shared/contract/client-protocol';
import { invalidInput, SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { ClientSettingsStore } from '../collections/client-settings-store';
import type { ComplianceNotifier } from '../compliance/compliance-notifier';
import { ingestStateMessages } from '../compliance/state-message-ingest';
import type { SiteDatabase } from '../db/open-database';
import {
  deploymentsForClient,
  maintenanceWindowsForClient,
} from '../deployments/enforcement/deployment-policy';
import { authenticateClient, registerClient } from './client-registry';

/** Who a request says it is: the SMS GUID and the key issued at registration. */
export interface ClientCredentials {
  smsGuid?: string;
  key?: string;
}

export type { ClientPolicy };

/**
 * The client settings that apply to one client: per setting, the highest-priority custom
 * client settings deployed to one of its collections, else the default (Resultant Client Settings).
 */
function effectiveClientSettings(
  store: ClientSettingsStore,
  clientId: number,
): Promise<SoftwareUpdateClientSettings> {
  return store.effectiveFor(clientId);
}

/**
 * The management point: what clients (real agents or `patchbay fleet`) call. Transport-free,
 * so tests call it in process and the HTTP routes only carry bytes to it.
 */
export class ManagementPoint {
  constructor(
    private readonly deps: {
      site: SiteDatabase;
      siteCode: string;
      clock: Clock;
      clientSettings: ClientSettingsStore;
      notifier: ComplianceNotifier;
    },
  ) {}

  /**
   * `trusted` says the request came from a trusted network (the HTTP route decides from the
   * peer address; in process, the caller is the site itself and trusted by default).
   */
  async register(body: unknown, trusted = true): Promise<ClientRegistrationResult> {
    const parsed = ClientRegistration.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'registration');
    const result = await registerClient(
      this.deps.site,
      this.deps.siteCode,
      parsed.data,
      this.deps.clock.now().toISOString(),
      trusted,
    );
    this.deps.notifier.changed();
    return result;
  }

  async policy(credentials: ClientCredentials): Promise<ClientPolicy> {
    const client = await authenticateClient(this.deps.site, credentials.smsGuid, credentials.key);
    const now = this.deps.clock.now().toISOString();
    await this.deps.site.db
      .updateTable('client')
      .set({ last_policy_request_at: now })
      .where('id', '=', client.id)
      .execute();
    const [clientSettings, maintenanceWindows, deployments] = await Promise.all([
      effectiveClientSettings(this.deps.clientSettings, client.id),
      maintenanceWindowsForClient(this.deps.site, client.id),
      deploymentsForClient(this.deps.site, client.id),
    ]);
    return {
      siteCode: this.deps.siteCode,
      clientSettings,
      maintenanceWindows,
      deployments,
      serverTime: now,
    };
  }

  /** A state message batch: authenticated, parsed whole, applied once or refused whole. */
  async postStateMessages(
    credentials: ClientCredentials,
    body: unknown,
  ): Promise<StateMessageBatchResult> {
    const client = await authenticateClient(this.deps.site, credentials.smsGuid, credentials.key);
    if (client.approval !== 'approved')
      throw new SiteError(
        'refused',
        `Client ${client.name} is not approved; an administrator must approve it before its state messages are accepted.`,
      );
    const parsed = StateMessageBatch.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'batch');
    const result = await ingestStateMessages(
      this.deps.site,
      client.id,
      parsed.data,
      this.deps.clock.now().toISOString(),
    );
    if (result.isNew) this.deps.notifier.changed();
    return result;
  }
}
