import type { MethodInput } from '../../shared/contract';
import type { ConsoleServices } from '../stores/console-services';
import type { ListQuery, ListSource, SiteListCall } from './types';

/**
 * The source of a node whose list is a site list call: each page is the call with `page`
 * added, so the grid and the site's export cannot ask for different rows.
 */
export function siteListSource<Row>(
  siteList: (query: Omit<ListQuery, 'page'>) => SiteListCall,
): (services: ConsoleServices) => ListSource<Row> {
  return ({ api }) =>
    async ({ page, ...query }) => {
      const call = siteList(query);
      const input = { ...call.query, page } as MethodInput<'updates.list'>;
      return (await api.call(call.list as 'updates.list', input)) as never;
    };
}
