import { makeStyles, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import type { ShellStore } from '../stores/shell-store';
import { AddressBar } from './AddressBar';
import { DetailsPane } from './DetailsPane';
import { DialogLayer } from './DialogLayer';
import { FolderView } from './FolderView';
import { JobsPanel } from './JobsPanel';
import { NavigationPane } from './NavigationPane';
import { NoticeBar } from './NoticeBar';
import { PropertiesDialog } from './PropertiesDialog';
import { ResultPane } from './ResultPane';
import { Ribbon } from './Ribbon';
import { Splitter } from './Splitter';
import { StatusBar } from './StatusBar';

const useStyles = makeStyles({
  console: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  main: { display: 'flex', flex: 1, minHeight: 0 },
  center: { display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0, minHeight: 0 },
  work: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 },
});

/**
 * The console window: ribbon, address bar, navigation pane, result and details panes, the
 * jobs panel (right or bottom) and the status bar.
 */
export const ConsoleShell = observer(function ConsoleShell({ shell }: { shell: ShellStore }) {
  const styles = useStyles();
  const { layout } = shell;
  const node = shell.currentNode;
  const list = shell.currentList;

  useEffect(() => {
    // F5 refreshes the list, as in the console, instead of reloading the whole page.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'F5' && !event.ctrlKey) {
        event.preventDefault();
        shell.refreshCurrent();
      }
      // Ctrl+F goes to the list's search box rather than the browser's find bar.
      if (event.key.toLowerCase() === 'f' && (event.ctrlKey || event.metaKey)) {
        const search = document.querySelector<HTMLInputElement>('form[role="search"] input');
        if (search && !search.disabled) {
          event.preventDefault();
          search.focus();
          search.select();
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shell]);

  const jobsPanel = layout.isJobsPanelOpen && (
    <>
      <Splitter
        orientation={layout.jobsDock === 'right' ? 'vertical' : 'horizontal'}
        size={layout.jobsSize}
        isPaneAfter
        label="Resize the jobs panel"
        onResize={(size) => layout.setJobsSize(size)}
      />
      <JobsPanel shell={shell} size={layout.jobsSize} />
    </>
  );

  return (
    <div className={styles.console}>
      <Ribbon shell={shell} />
      <AddressBar shell={shell} />
      <NoticeBar notices={shell.services.notices} />
      <div className={styles.main}>
        <NavigationPane shell={shell} width={layout.navigationWidth} />
        <Splitter
          orientation="vertical"
          size={layout.navigationWidth}
          label="Resize the navigation pane"
          onResize={(width) => layout.setNavigationWidth(width)}
        />
        <div className={styles.center}>
          <main className={styles.work}>
            {list ? (
              <>
                <ResultPane key={list.node.id} shell={shell} list={list} />
                <Splitter
                  orientation="horizontal"
                  size={layout.detailsHeight}
                  isPaneAfter
                  label="Resize the details pane"
                  onResize={(height) => layout.setDetailsHeight(height)}
                />
                <DetailsPane list={list} height={layout.detailsHeight} />
              </>
            ) : (
              node.kind === 'folder' && <FolderView shell={shell} node={node} />
            )}
          </main>
          {layout.jobsDock === 'bottom' && jobsPanel}
        </div>
        {layout.jobsDock === 'right' && jobsPanel}
      </div>
      <StatusBar shell={shell} />
      <PropertiesDialog shell={shell} />
      <DialogLayer dialogs={shell.services.dialogs} />
    </div>
  );
});
