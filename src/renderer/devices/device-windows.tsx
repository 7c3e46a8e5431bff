import { makeStyles, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { startOfDay } from '../collections/calendar-model';
import { WindowCalendar } from '../collections/window-calendar';
import type { ConsoleServices } from '../stores/console-services';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3, paddingTop: '6px' },
  frame: { paddingTop: '8px', maxWidth: '900px' },
});

const days = 14;

/**
 * The device's effective windows for software updates over the next 14 days, merged across
 * every collection it is in (the site applies §10.1's merge rules).
 */
export const DeviceWindows = observer(function DeviceWindows({
  clientId,
  services,
}: {
  clientId: number;
  services: ConsoleServices;
}) {
  const styles = useStyles();
  const [from] = useState(() => startOfDay(new Date()));
  const to = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  const live = useSiteRead(services, siteReads.effectiveWindows(services, clientId, from, to));
  if (live.error)
    return <p className={styles.muted}>The maintenance windows could not be read: {live.error}</p>;
  if (!live.value) return <p className={styles.muted}>Reading the maintenance windows…</p>;
  const spans = live.value.map((w) => ({
    start: new Date(w.start),
    end: new Date(w.end),
    kind: 'effective' as const,
  }));
  return (
    <div className={styles.frame}>
      <WindowCalendar
        spans={spans}
        from={from}
        days={days}
        label="Effective maintenance windows"
        emptyText="No maintenance window applies to this device: software updates may install at any time."
      />
    </div>
  );
});
