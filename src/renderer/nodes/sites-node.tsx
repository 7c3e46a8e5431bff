import {
  BuildingRegular,
  DatabaseArrowUpRegular,
  SettingsCogMultipleRegular,
} from '@fluentui/react-icons';
import type { SiteInfo } from '../../shared/contract';
import { databaseDescription, SiteDetails } from '../details/site-details';
import { SupComponentProperties } from '../sup/SupComponentProperties';
import { defineListNode } from './types';

/** Administration > Site Configuration > Sites: the one site this console is connected to. */
export function sitesNode(parentId: string) {
  return defineListNode<SiteInfo>({
    id: 'administration.sites',
    title: 'Sites',
    icon: BuildingRegular,
    workspace: 'administration',
    parentId,
    columns: [
      {
        id: 'siteCode',
        header: 'Site Code',
        isDefault: true,
        width: 90,
        text: (site) => site.siteCode,
      },
      { id: 'name', header: 'Name', isDefault: true, width: 220, text: (site) => site.siteName },
      { id: 'type', header: 'Type', isDefault: true, width: 120, text: () => 'Primary site' },
      {
        id: 'parentSite',
        header: 'Parent Site',
        isDefault: true,
        width: 100,
        text: (site) => site.parentSiteCode ?? '',
      },
      {
        id: 'database',
        header: 'Database',
        isDefault: true,
        width: 380,
        text: databaseDescription,
      },
      {
        id: 'version',
        header: 'Version',
        isDefault: true,
        width: 110,
        text: (site) => site.productVersion,
      },
      {
        id: 'schemaVersion',
        header: 'Schema Version',
        width: 120,
        text: (site) => site.schemaVersion,
      },
      { id: 'logsFolder', header: 'Logs Folder', width: 300, text: (site) => site.logsFolder },
    ],
    rowId: (site) => site.siteCode,
    source:
      ({ api }) =>
      async ({ search }) => {
        const site = await api.call('site.info', {});
        // One row: searched here, on every text the row shows.
        const text = search.toLowerCase();
        const rows = Object.values(site).some((value) => String(value).toLowerCase().includes(text))
          ? [site]
          : [];
        return { rows, nextCursor: null, total: rows.length };
      },
    searchHint: 'Search site code, name or server',
    emptyText: 'The site did not describe itself.',
    ribbon: [
      {
        label: 'Site',
        actions: [
          {
            id: 'backUpSiteDatabase',
            label: 'Back Up Site Database',
            icon: DatabaseArrowUpRegular,
            description: 'Backs up the site database into the backups folder as a job.',
            isEnabled: ({ selection }) => selection.length === 1,
            run: async ({ services }) => {
              try {
                const { jobId } = await services.api.call('site.backupDatabase', {});
                services.notices.show('info', `Back Up Site Database started as job ${jobId}.`);
                services.revealJobs();
                await services.jobs.track(jobId);
              } catch (error) {
                services.notices.showError('The site database backup could not start', error);
              }
            },
          },
        ],
      },
      {
        label: 'Settings',
        actions: [
          {
            // ConfigMgr lists every site component here; Patchbay's one configurable component
            // is the software update point, so the button opens its properties directly.
            id: 'configureSiteComponents',
            label: 'Configure Site Components',
            icon: SettingsCogMultipleRegular,
            description:
              'Opens Software Update Point Component Properties: synchronization source, classifications, products, schedule and supersedence rules.',
            isEnabled: ({ selection }) => selection.length === 1,
            run: ({ services }) =>
              services.dialogs.show((close) => (
                <SupComponentProperties services={services} close={close} />
              )),
          },
        ],
      },
    ],
    details: SiteDetails,
    describe: (site) => `${site.siteCode} - ${site.siteName}`,
  });
}
