import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { ErrorCircleRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useEffect, useState, type ComponentType } from 'react';
import type { ConsoleServices } from '../stores/console-services';
import { SupSettingsDraft, type SupTabId } from '../stores/sup-settings-draft';
import { ClassificationsTab } from './classifications-tab';
import { LanguagesTab } from './languages-tab';
import { MaximumRunTimeTab } from './maximum-run-time-tab';
import { ProductsTab } from './products-tab';
import { SupersedenceRulesTab } from './supersedence-rules-tab';
import { SyncScheduleTab } from './sync-schedule-tab';
import { SyncSettingsTab } from './sync-settings-tab';
import { UpdateFilesTab } from './update-files-tab';
import { WsusMaintenanceTab } from './wsus-maintenance-tab';

const useStyles = makeStyles({
  surface: { width: '720px', maxWidth: '94vw' },
  tabs: { flexWrap: 'wrap', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  page: { height: 'min(440px, 56vh)', overflowY: 'auto', padding: '10px 2px 0' },
  // The same height with or without the problem icon, so the dialog does not jump.
  tab: { height: '28px' },
  problemIcon: { color: tokens.colorPaletteRedForeground1 },
});

/** The tab strip, in the order of the console (§2.3), with WSUS Maintenance and Maximum Run Time. */
const tabs: ReadonlyArray<{
  id: SupTabId;
  label: string;
  page: ComponentType<{ draft: SupSettingsDraft }>;
}> = [
  { id: 'syncSettings', label: 'Sync Settings', page: SyncSettingsTab },
  { id: 'updateFiles', label: 'Update Files', page: UpdateFilesTab },
  { id: 'classifications', label: 'Classifications', page: ClassificationsTab },
  { id: 'products', label: 'Products', page: ProductsTab },
  { id: 'syncSchedule', label: 'Sync Schedule', page: SyncScheduleTab },
  { id: 'supersedence', label: 'Supersedence Rules', page: SupersedenceRulesTab },
  { id: 'wsusMaintenance', label: 'WSUS Maintenance', page: WsusMaintenanceTab },
  { id: 'languages', label: 'Languages', page: LanguagesTab },
  { id: 'maximumRunTime', label: 'Maximum Run Time', page: MaximumRunTimeTab },
];

/**
 * Software Update Point Component Properties (§2.3): every tab edits one draft; Apply stores the
 * changed fields, OK stores them and closes, Cancel drops them. A refusal keeps the dialog open
 * with the site's sentence and the draft as typed.
 */
export const SupComponentProperties = observer(function SupComponentProperties({
  services,
  close,
}: {
  services: ConsoleServices;
  close(): void;
}) {
  const styles = useStyles();
  const [draft] = useState(() => new SupSettingsDraft(services.api));
  useEffect(() => void draft.load(), [draft]);
  const Page = tabs.find((tab) => tab.id === draft.tab)!.page;
  const marked = draft.tabsWithProblems;

  const ok = async () => {
    if (await draft.apply()) close();
  };

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && close()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Software Update Point Component Properties</DialogTitle>
          <DialogContent>
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={draft.tab}
              onTabSelect={(_event, data) => draft.setTab(data.value as SupTabId)}
            >
              {tabs.map((tab) => (
                <Tab
                  className={styles.tab}
                  key={tab.id}
                  value={tab.id}
                  icon={
                    marked.has(tab.id) ? (
                      <ErrorCircleRegular
                        className={styles.problemIcon}
                        aria-label="Has a problem"
                      />
                    ) : undefined
                  }
                >
                  {tab.label}
                </Tab>
              ))}
            </TabList>
            {draft.applyError && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{draft.applyError}</MessageBarBody>
              </MessageBar>
            )}
            <div
              className={styles.page}
              role="tabpanel"
              aria-label={tabs.find((tab) => tab.id === draft.tab)!.label}
            >
              {draft.isLoading && (
                <Spinner size="small" label="Reading the settings from the site…" />
              )}
              {draft.loadError && (
                <MessageBar intent="error">
                  <MessageBarBody>
                    The settings could not be read from the site: {draft.loadError}
                  </MessageBarBody>
                </MessageBar>
              )}
              {draft.draft && <Page draft={draft} />}
            </div>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={!draft.draft || draft.isApplying}
              onClick={() => void ok()}
            >
              OK
            </Button>
            <Button onClick={close}>Cancel</Button>
            <Button
              disabled={!draft.isDirty || draft.isApplying}
              onClick={() => void draft.apply()}
            >
              Apply
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
});
