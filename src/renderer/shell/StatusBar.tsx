import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { ShellStore } from '../stores/shell-store';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    height: '22px',
    flexShrink: 0,
    padding: '0 8px',
    gap: '0',
    fontSize: '11px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
  },
  message: { flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', paddingRight: '12px' },
  field: {
    padding: '0 10px',
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'inline-flex',
    alignItems: 'center',
    gap: '5px',
  },
  dot: { width: '8px', height: '8px', borderRadius: '50%' },
  connected: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  reconnecting: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  signOut: {
    border: 'none',
    background: 'none',
    padding: 0,
    font: 'inherit',
    color: tokens.colorBrandForegroundLink,
    cursor: 'pointer',
    ':hover': { textDecoration: 'underline' },
  },
});

/**
 * The status bar: what the console is doing, the site, its database, who is signed in (a served
 * site with accounts) and the connection.
 */
export const StatusBar = observer(function StatusBar({ shell }: { shell: ShellStore }) {
  const styles = useStyles();
  const { site, jobs, signIn } = shell.services;
  const list = shell.currentList;
  const exportProgress = list?.exportProgress;
  const message = exportProgress
    ? `Exporting ${exportProgress.done.toLocaleString()} of ${exportProgress.total.toLocaleString()} rows…`
    : site.loadError
      ? `The site cannot be reached: ${site.loadError}`
      : 'Ready';
  return (
    <footer className={styles.bar} aria-label="Status bar">
      <span
        className={mergeClasses(
          styles.message,
          !!site.loadError && !exportProgress && styles.error,
        )}
        role="status"
      >
        {message}
      </span>
      {jobs.activeCount > 0 && (
        <span className={styles.field}>
          {jobs.activeCount === 1 ? '1 job running' : `${jobs.activeCount} jobs running`}
        </span>
      )}
      {site.info && (
        <>
          <span className={styles.field} data-testid="status-site">
            Site: {site.info.siteCode} - {site.info.siteName}
          </span>
          <span className={styles.field} data-testid="status-database">
            Database: {site.databaseKindLabel}
          </span>
        </>
      )}
      {signIn?.account && (
        <span className={styles.field} data-testid="status-account">
          <span title={`Security role: ${signIn.account.role}`}>
            Signed in as {signIn.account.name}
          </span>
          <button
            type="button"
            className={styles.signOut}
            disabled={signIn.isSigningOut}
            onClick={() => void signIn.signOut()}
          >
            Sign out
          </button>
        </span>
      )}
      <span className={styles.field} data-testid="status-connection">
        <span
          className={mergeClasses(
            styles.dot,
            site.connection === 'connected' ? styles.connected : styles.reconnecting,
          )}
          aria-hidden
        />
        {site.connectionLabel}
      </span>
    </footer>
  );
});
