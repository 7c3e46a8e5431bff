import type { SiteInfo } from '../../shared/contract';
import { formatDateTime } from '../format';
import type { DetailsProps } from '../nodes/types';
import { PropertyList } from './property-list';

export function databaseDescription(site: SiteInfo): string {
  const kind = site.databaseKind === 'postgres' ? 'PostgreSQL' : 'SQLite';
  return `${kind} (${site.databaseLocation})`;
}

/** The site's summary: where its database and logs are, and which versions run. */
export function SiteDetails({ row }: DetailsProps<SiteInfo>) {
  return (
    <PropertyList
      rows={[
        { label: 'Site Code', value: row.siteCode },
        { label: 'Site Name', value: row.siteName },
        { label: 'Type', value: 'Primary site' },
        { label: 'Parent Site', value: row.parentSiteCode ?? 'None (stand-alone primary site)' },
        { label: 'Database', value: databaseDescription(row) },
        { label: 'Database Schema Version', value: row.schemaVersion },
        { label: 'Version', value: row.productVersion },
        { label: 'Logs Folder', value: row.logsFolder },
        { label: 'Site Server Time', value: formatDateTime(row.serverTime) },
      ]}
    />
  );
}
