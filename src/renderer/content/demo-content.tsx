import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { makeAutoObservable, runInAction } from 'mobx';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { SiteApi } from '../../shared/api/site-api';
import type { AnyRow } from '../nodes/types';
import type { ConsoleServices } from '../stores/console-services';
import type { ListStore } from '../stores/list-store';
import type { Notices } from '../stores/notices';

/** Whether the site's demo content source is on, and turning it on. */
export class DemoContentStore {
  isEnabled: boolean | null = null;
  isAdding = false;

  constructor(
    private readonly api: SiteApi,
    private readonly notices: Notices,
  ) {
    makeAutoObservable<DemoContentStore, 'api' | 'notices'>(this, { api: false, notices: false });
  }

  async load(): Promise<void> {
    try {
      const status = await this.api.call('content.demoStatus', {});
      runInAction(() => (this.isEnabled = status.isEnabled));
    } catch {
      // A site without the demo source simply does not offer it.
      runInAction(() => (this.isEnabled = null));
    }
  }

  async add(): Promise<boolean> {
    this.isAdding = true;
    try {
      const status = await this.api.call('content.addDemo', {});
      runInAction(() => (this.isEnabled = status.isEnabled));
      this.notices.show(
        'success',
        `Added ${status.updates} demo software updates (${status.files} files). Select them in All Software Updates and choose Download.`,
      );
      return true;
    } catch (error) {
      this.notices.showError('The demo content was not added', error);
      return false;
    } finally {
      runInAction(() => (this.isAdding = false));
    }
  }
}

/**
 * The notice bar of an empty Deployment Packages node on a site whose updates cannot be
 * downloaded from here: the real catalog's files live on Microsoft's servers, so a newcomer is
 * offered clearly marked demo updates whose files the site serves itself.
 */
export const DemoContentBar = observer(function DemoContentBar({
  list,
  services,
}: {
  list: ListStore<AnyRow>;
  services: ConsoleServices;
}) {
  const [store] = useState(() => new DemoContentStore(services.api, services.notices));
  useEffect(() => void store.load(), [store]);
  if (store.isEnabled !== false || list.total !== 0) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="demo-content-bar">
      <MessageBarBody>
        <MessageBarTitle>No content to download yet</MessageBarTitle>
        The files of the real catalog&apos;s software updates live on download.windowsupdate.com,
        which this machine may not reach. To try the Download Software Updates Wizard end to end,
        add demo content: a few small software updates, clearly marked “Patchbay Demo” in their
        titles, whose files this site serves itself.
      </MessageBarBody>
      <MessageBarActions>
        <Button
          appearance="primary"
          disabled={store.isAdding}
          onClick={() => void store.add().then((isAdded) => isAdded && list.refresh())}
        >
          Add demo content
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
});
