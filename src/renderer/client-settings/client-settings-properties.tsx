import { DialogContent, makeStyles, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { ClientSettingsObject } from '../../shared/contract/client-settings';
import type { PropertiesProps } from '../nodes/types';
import { errorSentence } from '../properties/error-sentence';
import { PropertiesActions, SelectOneContent } from '../properties/properties-actions';
import { ProblemBar } from '../shell/OkCancelDialog';
import { useSiteRead } from '../stores/use-live-value';
import { draftProblems, siteProblemOf, type ClientSettingsDraft } from './client-settings-draft';
import { ClientSettingsForm } from './client-settings-form';
import { clientSettingsReads } from './client-settings-reads';

const useStyles = makeStyles({
  content: {
    height: 'min(560px, 68vh)',
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    overflow: 'auto',
  },
});

const draftOf = (object: ClientSettingsObject): ClientSettingsDraft => ({
  name: object.name,
  description: object.description,
  settings: object.settings,
});

/**
 * Client settings Properties: General and the Software Updates, Computer Agent, Computer
 * Restart and State Messaging pages, applied with OK or Apply as one change.
 */
export const ClientSettingsProperties = observer(function ClientSettingsProperties({
  rows,
  services,
  close,
}: PropertiesProps<ClientSettingsObject>) {
  const styles = useStyles();
  const object = rows[0]!;
  const defaults = useSiteRead(services, clientSettingsReads.defaults(services));
  const [saved, setSaved] = useState(() => draftOf(object));
  const [draft, setDraft] = useState(saved);
  const [warnings, setWarnings] = useState(object.warnings);
  const [siteProblems, setSiteProblems] = useState<Partial<Record<string, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const isDirty = JSON.stringify(draft) !== JSON.stringify(saved);

  const apply = async (): Promise<boolean> => {
    if (!isDirty) return true;
    if (Object.keys(draftProblems(draft)).length > 0) return false;
    setBusy(true);
    setProblem(null);
    try {
      const result = await services.api.call('clientSettings.update', {
        id: object.id,
        ...(draft.name !== saved.name && { name: draft.name }),
        description: draft.description,
        settings: draft.settings,
      });
      setSaved(draft);
      setWarnings(result.warnings);
      for (const warning of result.warnings) services.notices.show('warning', warning);
      return true;
    } catch (error) {
      const found = siteProblemOf(errorSentence(error));
      if (found.field) setSiteProblems({ [found.field]: found.sentence });
      else setProblem(found.sentence);
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (rows.length > 1)
    return (
      <SelectOneContent className={styles.content} close={close}>
        Select one client settings object to see or change its settings.
      </SelectOneContent>
    );

  return (
    <>
      <DialogContent className={styles.content}>
        <ProblemBar problem={problem} />
        {warnings.map((warning) => (
          <MessageBar key={warning} intent="warning">
            <MessageBarBody>{warning}</MessageBarBody>
          </MessageBar>
        ))}
        {defaults.value && (
          <ClientSettingsForm
            draft={draft}
            onChange={(next) => {
              setDraft(next);
              setSiteProblems({});
            }}
            isDefault={object.isDefault}
            defaults={defaults.value}
            siteProblems={siteProblems}
          />
        )}
      </DialogContent>
      <PropertiesActions
        isBusy={isBusy}
        canApply={isDirty && !isBusy}
        apply={apply}
        close={close}
      />
    </>
  );
});
