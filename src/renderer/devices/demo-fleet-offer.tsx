import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import type { ConsoleServices } from '../stores/console-services';

const useStyles = makeStyles({ command: { fontFamily: 'Consolas, monospace', userSelect: 'all' } });

/**
 * A new site has no clients, so every count is zero and compliance means nothing yet. The offer
 * names the simulator that fills it. The site has no API to start the fleet from the console,
 * so the offer gives the command (with this site's address) and copies it.
 */
export function DemoFleetOffer({ services }: { services: ConsoleServices }) {
  const styles = useStyles();
  const url = typeof location === 'undefined' ? '' : `${location.origin}/`;
  const command = `patchbay fleet start --clients 3000 --acceleration 60${url.startsWith('http') ? ` --url ${url}` : ''} --detach`;
  const copy = () =>
    navigator.clipboard.writeText(command).then(
      () => services.notices.show('success', 'Copied the command that starts a demo fleet.'),
      (error: unknown) => services.notices.showError('The command could not be copied', error),
    );
  return (
    <MessageBar intent="info" shape="square" data-testid="demo-fleet-offer">
      <MessageBarBody>
        <MessageBarTitle>No client has registered with this site yet.</MessageBarTitle>
        To see live compliance, start a demo fleet of simulated clients:{' '}
        <span className={styles.command}>{command}</span>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" icon={<CopyRegular />} onClick={() => void copy()}>
          Copy command
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
