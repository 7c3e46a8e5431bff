import { DialogContent, makeStyles, Tab, TabList } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { PropertiesProps } from '../nodes/types';
import { errorSentence } from '../properties/error-sentence';
import { PropertiesActions } from '../properties/properties-actions';
import { ProblemBar } from '../shell/OkCancelDialog';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';
import {
  CollectionGeneralTab,
  generalDraftOf,
  type CollectionGeneralDraft,
} from './collection-general-tab';
import type { CollectionRow } from './collection-row';
import { MaintenanceWindowsTab } from './maintenance-windows-tab';
import { MembershipRulesTab } from './membership-rules-tab';

const useStyles = makeStyles({
  content: {
    height: 'min(560px, 68vh)',
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    overflow: 'auto',
  },
});

type PropertiesTab = 'general' | 'rules' | 'windows';
type Problems = Partial<Record<'name' | 'limitingCollectionId' | 'refreshEveryDays', string>>;

/**
 * A device collection's Properties: General (applied with OK or Apply), Membership Rules and
 * Maintenance Windows (applied as they are added or deleted, as the console's own tabs do).
 */
export const CollectionProperties = observer(function CollectionProperties({
  rows,
  services,
  close,
}: PropertiesProps<CollectionRow>) {
  const styles = useStyles();
  const collection = rows[0]!;
  const collections = useSiteRead(services, siteReads.collections(services));
  const limitingId =
    collections.value?.find((c) => c.collectionId === collection.limitingCollectionId)?.id ?? null;
  const [tab, setTab] = useState<PropertiesTab>('general');
  const [saved, setSaved] = useState<CollectionGeneralDraft | null>(null);
  const [edited, setEdited] = useState<CollectionGeneralDraft | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const base = saved ?? generalDraftOf(collection, limitingId);
  const draft = edited ?? base;
  const isDirty = JSON.stringify(draft) !== JSON.stringify(base);

  const apply = async (): Promise<boolean> => {
    if (!isDirty) return true;
    if (!draft.name.trim()) {
      setProblems({ name: 'A device collection needs a name.' });
      return false;
    }
    setBusy(true);
    setProblem(null);
    try {
      const result = await services.api.call('collections.update', {
        id: collection.id,
        ...(draft.name !== base.name && { name: draft.name }),
        ...(draft.comment !== base.comment && { comment: draft.comment }),
        ...(draft.limitingId !== base.limitingId &&
          draft.limitingId !== null && { limitingCollectionId: draft.limitingId }),
        ...(draft.refreshEveryDays !== base.refreshEveryDays && {
          refreshEveryDays: draft.refreshEveryDays,
        }),
      });
      setSaved(draft);
      setEdited(null);
      services.notices.show(
        'success',
        `Saved ${result.name}: it has ${result.memberCount.toLocaleString()} ${result.memberCount === 1 ? 'member' : 'members'}.`,
      );
      return true;
    } catch (error) {
      const sentence = errorSentence(error);
      const field = /^(name|limitingCollectionId|refreshEveryDays): /.exec(sentence)?.[1];
      if (field) setProblems({ [field]: sentence.slice(field.length + 2) });
      else setProblem(sentence);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <DialogContent className={styles.content}>
        <TabList
          size="small"
          selectedValue={tab}
          onTabSelect={(_event, data) => setTab(data.value as PropertiesTab)}
        >
          <Tab value="general">General</Tab>
          <Tab value="rules">Membership Rules</Tab>
          <Tab value="windows">Maintenance Windows</Tab>
        </TabList>
        <ProblemBar problem={problem} />
        {tab === 'general' && (
          <CollectionGeneralTab
            collection={collection}
            services={services}
            draft={draft}
            problems={problems}
            onChange={(next) => {
              setEdited(next);
              setProblems({});
            }}
          />
        )}
        {tab === 'rules' && <MembershipRulesTab collection={collection} services={services} />}
        {tab === 'windows' && <MaintenanceWindowsTab collection={collection} services={services} />}
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
