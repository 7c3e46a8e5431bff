import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import {
  ruleGroupModeLabels,
  type RuleGroupMode,
  type RuleTemplate,
} from '../../../shared/contract/automatic-deployment-rules';
import type { DeviceCollection } from '../../../shared/contract/collections';
import { usePageStyles } from '../page-styles';
import type { PageFields } from '../page-problems';
import { PickDialog } from '../pick-dialog';
import type { RuleDraft, RuleGeneralFields } from './rule-draft';
import type { RulePageId } from './rule-pages';

const page = 'general' as const;

/**
 * General (§8.2): Name (unique, checked by the site when left and on Next), Description, the
 * Template (its pages replace the wizard's), the Collection (Browse…), new group or the same
 * group every run, and whether the deployment is enabled after the run. In Properties the
 * template is not offered: it only seeds a new rule.
 */
export const RuleGeneralPage = observer(function RuleGeneralPage({
  draft,
  fields,
  templates,
  selectedTemplateKey = '',
  templatesError = null,
  onSelectTemplate,
}: {
  draft: RuleDraft;
  fields: PageFields<RulePageId>;
  /** The wizard's templates; Properties passes none and shows the template read-only. */
  templates?: readonly RuleTemplate[];
  selectedTemplateKey?: string;
  templatesError?: string | null;
  onSelectTemplate?(key: string): void;
}) {
  const styles = usePageStyles();
  const [isBrowsing, setBrowsing] = useState(false);
  const { general } = draft;
  const state = (path: keyof RuleGeneralFields) => {
    const problem = fields.problemFor(page, path);
    return {
      validationState: problem ? ('error' as const) : ('none' as const),
      validationMessage: problem,
    };
  };
  const edit = <Key extends keyof RuleGeneralFields>(key: Key, value: RuleGeneralFields[Key]) => {
    draft.setGeneral(key, value);
    fields.touch(page, key);
  };

  return (
    <>
      <p className={styles.intro}>
        Specify the settings for this automatic deployment rule. When it runs, the rule adds the
        software updates that meet its criteria to a software update group and deploys them.
      </p>
      <Field label="Name:" required {...state('name')}>
        <Input
          value={general.name}
          onChange={(_event, data) => edit('name', data.value)}
          onBlur={() => fields.leave(page, 'name')}
        />
      </Field>
      <Field label="Description:" {...state('description')}>
        <Textarea
          rows={2}
          resize="none"
          value={general.description}
          onChange={(_event, data) => edit('description', data.value)}
        />
      </Field>
      <Field
        label="Template:"
        validationState={templatesError ? 'warning' : 'none'}
        validationMessage={
          templatesError ? `The templates could not be read: ${templatesError}` : undefined
        }
        hint={
          templates
            ? 'A template fills in the software updates, schedules and deployment settings; change any of them on the later pages.'
            : undefined
        }
      >
        {templates ? (
          <Select
            className={styles.narrow}
            value={selectedTemplateKey}
            onChange={(_event, data) => onSelectTemplate?.(data.value)}
          >
            <option value="">None</option>
            {templates.map((template) => (
              <option key={template.key} value={template.key}>
                {template.name}
              </option>
            ))}
          </Select>
        ) : (
          <Input className={styles.narrow} readOnly value={general.template || 'None'} />
        )}
      </Field>
      <div className={styles.row}>
        <Field className={styles.grow} label="Collection:" required {...state('collectionId')}>
          <Input readOnly value={draft.selectedCollection?.name ?? ''} />
        </Field>
        <Button
          style={{ alignSelf: 'flex-start', marginTop: '22px' }}
          onClick={() => {
            setBrowsing(true);
            fields.touch(page, 'collectionId');
          }}
        >
          Browse…
        </Button>
      </div>
      <Field
        label="Each time the rule runs and finds new software updates:"
        style={{ marginTop: 10 }}
      >
        <RadioGroup
          aria-label="Software update group"
          value={general.groupMode}
          onChange={(_event, data) => edit('groupMode', data.value as RuleGroupMode)}
        >
          <Radio value="new-group" label={ruleGroupModeLabels['new-group']} />
          <p className={styles.note} style={{ margin: '0 0 4px 28px' }}>
            Recommended for Patch Tuesday: each month gets its own dated group.
          </p>
          <Radio value="existing-group" label={ruleGroupModeLabels['existing-group']} />
          <p className={styles.note} style={{ margin: '0 0 4px 28px' }}>
            Recommended for definition updates: each run empties the rule’s group and adds the
            current matches, so hundreds of groups do not accumulate.
          </p>
        </RadioGroup>
      </Field>
      <Checkbox
        label="Enable the deployment after this rule is run"
        checked={general.isDeploymentEnabledAfterRun}
        onChange={(_event, data) => edit('isDeploymentEnabledAfterRun', data.checked === true)}
      />
      {!general.isDeploymentEnabledAfterRun && (
        <p className={styles.note} style={{ marginLeft: 28 }}>
          The group and its content are prepared, and the deployment is created disabled: enable it
          once you have reviewed it.
        </p>
      )}
      {isBrowsing && (
        <PickDialog<DeviceCollection>
          title="Select Collection"
          intro="Select the device collection the rule deploys the software updates to."
          columns={[
            { header: 'Name', width: '45%', cell: (row) => row.name },
            { header: 'Collection ID', width: '20%', cell: (row) => row.collectionId },
            { header: 'Member Count', width: '15%', cell: (row) => row.memberCount },
            { header: 'Comment', cell: (row) => row.comment },
          ]}
          rows={draft.choices.collections}
          rowKey={(row) => String(row.id)}
          rowName={(row) => row.name}
          initial={general.collectionId === null ? [] : [String(general.collectionId)]}
          emptyText="There are no device collections."
          onPick={([picked]) => picked && edit('collectionId', picked.id)}
          close={() => setBrowsing(false)}
        />
      )}
    </>
  );
});
