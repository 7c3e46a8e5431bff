import type { SupComponentSettings } from '../../../shared/contract/software-update-point';
import { readCatalogBundleSource } from './catalog-bundle-source';
import { readMsrcSource } from './msrc-source';
import type { SyncPayload, SyncSourceContext } from './sync-payload';
import { readUpstreamSiteSource } from './upstream-site-source';

export interface SourceOptions {
  bundledCatalogFolder: string | null;
  /** The upstream source's memory: which parent catalog version this site last took. */
  lastUpstreamVersion(): Promise<number>;
}

/** The Sync Settings tab's choice, turned into the payload the sync job writes. */
export function createSourceLoader(options: SourceOptions) {
  return async (
    settings: SupComponentSettings,
    context: SyncSourceContext,
  ): Promise<SyncPayload> => {
    switch (settings.syncSource) {
      case 'catalog-bundle':
        return readCatalogBundleSource(
          settings.syncSourceLocation,
          context,
          options.bundledCatalogFolder,
        );
      case 'msrc':
        return readMsrcSource(settings.syncSourceLocation, context);
      case 'upstream-site':
        return readUpstreamSiteSource(
          settings.syncSourceLocation,
          await options.lastUpstreamVersion(),
          context,
        );
    }
  };
}
