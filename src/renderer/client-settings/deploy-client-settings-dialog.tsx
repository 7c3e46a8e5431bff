import { Checkbox, makeStyles } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { ClientSettingsObject } from '../../shared/contract/client-settings';
import { errorSentence } from '../properties/error-sentence';
import { OkCancelDialog, ProblemBar } from '../shell/OkCancelDialog';
import type { ConsoleServices } from '../stores/console-services';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: '4px', maxHeight: '60vh' },
  list: { display: 'flex', flexDirection: 'column', overflowY: 'auto' },
});

/**
 * Deploy (Select Collection): the device collections the client settings apply to; ticking
 * deploys, clearing removes the deployment, both on OK.
 */
export const DeployClientSettingsDialog = observer(function DeployClientSettingsDialog(props: {
  services: ConsoleServices;
  object: ClientSettingsObject;
  close(): void;
}) {
  const styles = useStyles();
  const { services, object } = props;
  const collections = useSiteRead(services, siteReads.collections(services));
  const [chosen, setChosen] = useState(() => new Set(object.collectionIds));
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const save = async () => {
    const added = [...chosen].filter((id) => !object.collectionIds.includes(id));
    const removed = object.collectionIds.filter((id) => !chosen.has(id));
    setBusy(true);
    try {
      let result = object;
      if (added.length > 0)
        result = await services.api.call('clientSettings.deploy', {
          id: object.id,
          collectionIds: added,
        });
      if (removed.length > 0)
        result = await services.api.call('clientSettings.undeploy', {
          id: object.id,
          collectionIds: removed,
        });
      services.notices.show(
        'success',
        `${result.name} is deployed to ${result.deploymentCount} ${result.deploymentCount === 1 ? 'collection' : 'collections'}.`,
      );
      for (const warning of result.warnings) services.notices.show('warning', warning);
      props.close();
    } catch (error) {
      setProblem(errorSentence(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <OkCancelDialog
      title={`Select Collection: ${object.name}`}
      surfaceStyle={{ maxWidth: '480px' }}
      contentClassName={styles.content}
      isBusy={isBusy}
      onOk={() => void save()}
      close={props.close}
    >
      <ProblemBar problem={problem} />
      <div className={styles.list} role="group" aria-label="Device collections">
        {(collections.value ?? []).map((collection) => (
          <Checkbox
            key={collection.id}
            label={`${collection.name} (${collection.memberCount.toLocaleString()})`}
            checked={chosen.has(collection.id)}
            onChange={(_event, data) => {
              const next = new Set(chosen);
              if (data.checked) next.add(collection.id);
              else next.delete(collection.id);
              setChosen(next);
            }}
          />
        ))}
      </div>
    </OkCancelDialog>
  );
});
