import {
  SoftwareUpdateClientSettings,
  defaultClientSettings,
} from '../../../shared/compliance/client-settings';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';

const defaultName = 'Default Client Settings';

/**
 * The Default Client Settings (priority 10000 in ConfigMgr), created with the §10.2 defaults
 * the first time the site opens. Custom client settings and their collection assignments are
 * a later step; every client gets these.
 */
export class ClientSettingsStore {
  constructor(
    private readonly site: SiteDatabase,
    private readonly clock: Clock,
  ) {}

  async ensureDefault(): Promise<void> {
    await this.site.db
      .insertInto('client_settings')
      .values({
        name: defaultName,
        priority: 10_000,
        is_default: 1,
        settings: JSON.stringify(defaultClientSettings),
        modified_at: this.clock.now().toISOString(),
      })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .execute();
  }

  async get(): Promise<SoftwareUpdateClientSettings> {
    const row = await this.site.read
      .selectFrom('client_settings')
      .select('settings')
      .where('is_default', '=', 1)
      .executeTakeFirst();
    // Settings added by a later version take their defaults.
    return SoftwareUpdateClientSettings.parse(row ? JSON.parse(row.settings) : {});
  }
}
