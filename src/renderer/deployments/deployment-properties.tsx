import {
  DialogContent,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { Deployment } from '../../shared/contract/deployments';
import { PropertyList } from '../details/property-list';
import { formatDateTime } from '../format';
import type { PropertiesProps } from '../nodes/types';
import { errorSentence } from '../properties/error-sentence';
import { PropertiesActions, SelectOneContent } from '../properties/properties-actions';
import type { ConsoleServices } from '../stores/console-services';
import { usePageStyles } from '../wizards/page-styles';
import { DeploymentPropertiesDraft, type DeploymentTabId } from './deployment-properties-draft';
import { settingsPageIds, settingsPageTitles } from './settings-draft';
import { SettingsPageView } from './settings-page-view';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: '10px' },
  tabs: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  page: { height: 'min(440px, 58vh)', overflowY: 'auto', padding: '4px 2px 0' },
});

/**
 * A deployment's Properties (§7.12): General, Deployment Settings, Scheduling, User Experience,
 * Alerts and Download Settings, the wizard's own pages; Type of deployment is read-only. OK and
 * Apply store the change with `deployments.update`; Cancel drops it.
 */
export function DeploymentProperties({ rows, services, close }: PropertiesProps<Deployment>) {
  if (rows.length > 1) {
    return (
      <SelectOneContent close={close}>
        Select one deployment to see or change its properties.
      </SelectOneContent>
    );
  }
  return <DeploymentPropertiesBody id={rows[0]!.id} services={services} close={close} />;
}

export const DeploymentPropertiesBody = observer(function DeploymentPropertiesBody({
  id,
  services,
  close,
  onApplied,
}: {
  id: number;
  services: ConsoleServices;
  close(): void;
  onApplied?(): void;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState<DeploymentPropertiesDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tab, setTab] = useState<DeploymentTabId>('general');
  useEffect(() => {
    let isCurrent = true;
    services.api.call('deployments.get', { id }).then(
      (detail) => isCurrent && setDraft(new DeploymentPropertiesDraft(services.api, detail)),
      (error: unknown) => isCurrent && setLoadError(errorSentence(error)),
    );
    return () => {
      isCurrent = false;
    };
  }, [id, services]);

  const apply = async (): Promise<boolean> => {
    if (!draft) return false;
    const wasDirty = draft.isDirty;
    const isDone = await draft.apply();
    if (isDone && wasDirty) onApplied?.();
    return isDone;
  };

  return (
    <>
      <DialogContent className={styles.content}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={tab}
          onTabSelect={(_event, data) => setTab(data.value as DeploymentTabId)}
        >
          <Tab value="general">General</Tab>
          {settingsPageIds.map((page) => (
            <Tab key={page} value={page}>
              {settingsPageTitles[page]}
            </Tab>
          ))}
        </TabList>
        {(loadError ?? draft?.applyError) && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {loadError ? `The deployment could not be read: ${loadError}` : draft?.applyError}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.page} role="tabpanel" aria-label={tab}>
          {!draft && !loadError && <Spinner size="small" label="Reading the deployment…" />}
          {draft && <DeploymentTab draft={draft} tab={tab} />}
        </div>
      </DialogContent>
      <PropertiesActions
        isBusy={!draft || draft.isApplying}
        canApply={!!draft && draft.isDirty && !draft.isApplying && !draft.hasProblems}
        apply={apply}
        close={close}
      />
    </>
  );
});

const DeploymentTab = observer(function DeploymentTab({
  draft,
  tab,
}: {
  draft: DeploymentPropertiesDraft;
  tab: DeploymentTabId;
}) {
  const styles = usePageStyles();
  switch (tab) {
    case 'general': {
      const { detail } = draft;
      return (
        <>
          <Field
            label="Name:"
            required
            validationState={draft.problemFor('general', 'name') ? 'error' : 'none'}
            validationMessage={draft.problemFor('general', 'name')}
          >
            <Input
              value={draft.name}
              onChange={(_event, data) => draft.setGeneral('name', data.value)}
            />
          </Field>
          <Field
            label="Description:"
            validationState={draft.problemFor('general', 'description') ? 'error' : 'none'}
            validationMessage={draft.problemFor('general', 'description')}
          >
            <Textarea
              rows={2}
              resize="none"
              value={draft.description}
              onChange={(_event, data) => draft.setGeneral('description', data.value)}
            />
          </Field>
          <p className={styles.note} />
          <PropertyList
            rows={[
              { label: 'Software Update/Software Update Group', value: detail.softwareName },
              { label: 'Collection', value: detail.collectionName },
              { label: 'Deployment ID', value: detail.assignmentUniqueId },
              { label: 'Number of updates', value: detail.numberOfUpdates },
              { label: 'Enabled', value: detail.isEnabled ? 'Yes' : 'No' },
              {
                label: 'Date Created',
                value: `${formatDateTime(detail.dateCreated)} by ${detail.createdBy}`,
              },
              {
                label: 'Date Modified',
                value: `${formatDateTime(detail.dateModified)} by ${detail.modifiedBy}`,
              },
            ]}
          />
        </>
      );
    }
    default:
      return <SettingsPageView page={tab} draft={draft.settings} fields={draft} isPurposeFixed />;
  }
});
