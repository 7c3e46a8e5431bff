import {
  DialogContent,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { DeploymentPackage } from '../../shared/contract/deployment-packages';
import type { PropertiesProps } from '../nodes/types';
import { PropertiesActions, SelectOneContent } from '../properties/properties-actions';
import { ContentLocationsTab } from './content-locations-tab';
import { DataSourceTab, DistributionSettingsTab, GeneralTab } from './package-tabs';
import { PackagePropertiesDraft } from './package-properties-draft';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: '10px' },
  tabs: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  page: { height: 'min(380px, 54vh)', overflowY: 'auto', padding: '4px 2px 0' },
});

type TabId = 'general' | 'dataSource' | 'distributionSettings' | 'contentLocations';

/**
 * Deployment package Properties (§6.3): General, Data Source, Distribution Settings and
 * Content Locations. OK and Apply store the changed fields; Cancel drops them.
 */
export const DeploymentPackageProperties = observer(function DeploymentPackageProperties({
  rows,
  services,
  close,
}: PropertiesProps<DeploymentPackage>) {
  const styles = useStyles();
  const pkg = rows[0]!;
  const [draft] = useState(() => new PackagePropertiesDraft(services.api, pkg.id, pkg));
  const [tab, setTab] = useState<TabId>('general');

  if (rows.length > 1) {
    return (
      <SelectOneContent close={close}>
        Select one deployment package to see or change its properties.
      </SelectOneContent>
    );
  }

  return (
    <>
      <DialogContent className={styles.content}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={tab}
          onTabSelect={(_event, data) => setTab(data.value as TabId)}
        >
          <Tab value="general">General</Tab>
          <Tab value="dataSource">Data Source</Tab>
          <Tab value="distributionSettings">Distribution Settings</Tab>
          <Tab value="contentLocations">Content Locations</Tab>
        </TabList>
        {draft.applyError && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{draft.applyError}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.page} role="tabpanel">
          {tab === 'general' && <GeneralTab draft={draft} pkg={pkg} />}
          {tab === 'dataSource' && <DataSourceTab draft={draft} />}
          {tab === 'distributionSettings' && <DistributionSettingsTab draft={draft} />}
          {tab === 'contentLocations' && <ContentLocationsTab pkg={pkg} services={services} />}
        </div>
      </DialogContent>
      <PropertiesActions
        isBusy={draft.isApplying}
        canApply={draft.isDirty && !draft.isApplying && draft.problems.size === 0}
        apply={() => draft.apply()}
        close={close}
      />
    </>
  );
});
