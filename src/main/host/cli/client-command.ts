import type { Command } from 'commander';
import { callSite } from './call-site';
import { withSite } from './command-helpers';
import { withSiteOptions, type SiteCommandOptions } from './site-options';

const actions = {
  approve: 'Approve a client registered from outside the trusted networks',
  block: 'Block a client: its requests are refused, even when it registers again',
  unblock: 'Unblock a client; it then waits for approval again',
} as const;

/** `patchbay client approve|block|unblock <name>`: ConfigMgr's Approve and Block on a device. */
export function registerClient(program: Command): void {
  const client = program.command('client').description('Approve or block clients');
  for (const [action, description] of Object.entries(actions) as [keyof typeof actions, string][])
    withSiteOptions(client.command(`${action} <name>`).description(description)).action(
      async (name: string, options: SiteCommandOptions) => {
        await withSite(options, async (site) => {
          const result = await callSite(site, `clients.${action}`, { name });
          console.log(`Client ${result.name} is now ${result.approval}.`);
        });
      },
    );
}
