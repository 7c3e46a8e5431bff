import { makeStyles } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { errorSentence } from '../properties/error-sentence';
import { OkCancelDialog, ProblemBar } from '../shell/OkCancelDialog';
import type { ConsoleServices } from '../stores/console-services';
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

/**
 * Create Custom Client Device Settings (New-CMClientSetting -Type Device): a name, a
 * description and the groups it configures; it gets the next free priority and is deployed
 * to collections afterwards (Deploy).
 */
export const CreateClientSettingsDialog = observer(function CreateClientSettingsDialog(props: {
  services: ConsoleServices;
  close(): void;
}) {
  const styles = useStyles();
  const defaults = useSiteRead(props.services, clientSettingsReads.defaults(props.services));
  const [draft, setDraft] = useState<ClientSettingsDraft>({
    name: '',
    description: '',
    settings: {},
  });
  const [isTouched, setTouched] = useState(false);
  const [siteProblems, setSiteProblems] = useState<Partial<Record<string, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const create = async () => {
    setTouched(true);
    if (Object.keys(draftProblems(draft)).length > 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const created = await props.services.api.call('clientSettings.create', draft);
      props.services.notices.show(
        'success',
        `Created client settings ${created.name} at priority ${created.priority}. Deploy them to a collection to apply them.`,
      );
      props.close();
    } catch (error) {
      const found = siteProblemOf(errorSentence(error));
      if (found.field) setSiteProblems({ [found.field]: found.sentence });
      else setProblem(found.sentence);
    } finally {
      setBusy(false);
    }
  };

  return (
    <OkCancelDialog
      title="Create Custom Client Device Settings"
      surfaceStyle={{ maxWidth: '760px' }}
      contentClassName={styles.content}
      isBusy={isBusy}
      onOk={() => void create()}
      close={props.close}
    >
      <ProblemBar problem={problem} />
      {defaults.value && (
        <ClientSettingsForm
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            setSiteProblems({});
          }}
          isDefault={false}
          defaults={defaults.value}
          siteProblems={
            isTouched || draft.name ? siteProblems : { ...siteProblems, name: undefined }
          }
        />
      )}
    </OkCancelDialog>
  );
});
