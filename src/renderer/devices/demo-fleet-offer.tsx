import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { CopyRegular, PeopleTeamAddRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { ConsoleServices } from '../stores/console-services';
import { DemoFleetStore } from './demo-fleet-store';

const useStyles = makeStyles({ command: { fontFamily: 'Consolas, monospace', userSelect: 'all' } });

const demoClients = 3000;

/**
 * A new site has no clients, so every count is zero and compliance means nothing yet. Where the
 * site is served over HTTP it can run the simulator itself (one click); elsewhere the offer
 * gives the `patchbay fleet` command with this site's address, and copies it.
 */
export const DemoFleetOffer = observer(function DemoFleetOffer({
  services,
}: {
  services: ConsoleServices;
}) {
  const styles = useStyles();
  const [store] = useState(() => new DemoFleetStore(services));
  useEffect(() => void store.load().catch(() => undefined), [store]);
  const url = typeof location === 'undefined' ? '' : `${location.origin}/`;
  const command = `patchbay fleet start --clients ${demoClients} --acceleration 60${url.startsWith('http') ? ` --url ${url}` : ''} --detach`;
  const copy = () =>
    navigator.clipboard.writeText(command).then(
      () => services.notices.show('success', 'Copied the command that starts a demo fleet.'),
      (error: unknown) => services.notices.showError('The command could not be copied', error),
    );
  const status = store.status;
  if (status?.isRunning)
    return (
      <MessageBar intent="success" shape="square" data-testid="demo-fleet-offer">
        <MessageBarBody>
          <MessageBarTitle>Demo fleet running.</MessageBarTitle>
          {status.registered.toLocaleString()} of {status.clients.toLocaleString()} simulated
          clients have registered; they report every 15 fleet minutes at {status.acceleration}× real
          time.
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <MessageBar intent="info" shape="square" data-testid="demo-fleet-offer">
      <MessageBarBody>
        <MessageBarTitle>No client has registered with this site yet.</MessageBarTitle>
        {status?.isAvailable ? (
          <>
            Start a demo fleet of {demoClients.toLocaleString()} simulated clients that scan, report
            state messages and sometimes fail, as real agents do, to see live compliance.
          </>
        ) : (
          <>
            To see live compliance, start a demo fleet of simulated clients:{' '}
            <span className={styles.command}>{command}</span>
          </>
        )}
      </MessageBarBody>
      <MessageBarActions>
        {status?.isAvailable ? (
          <Button
            size="small"
            appearance="primary"
            icon={<PeopleTeamAddRegular />}
            disabled={store.isStarting}
            onClick={() => void store.start(demoClients)}
          >
            Start demo fleet
          </Button>
        ) : (
          <Button size="small" icon={<CopyRegular />} onClick={() => void copy()}>
            Copy command
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
});
