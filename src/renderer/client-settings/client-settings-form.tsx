import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Tab,
  TabList,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  clientSettingGroups,
  clientSettingInfo,
  formatSettingValue,
  type ClientSettingGroup,
  type SoftwareUpdateClientSettings,
} from '../../shared/compliance/client-settings';
import {
  draftProblems,
  groupState,
  withGroup,
  withSetting,
  type ClientSettingsDraft,
} from './client-settings-draft';
import { SettingEditor } from './setting-editor';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '10px', paddingTop: '8px' },
  settings: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    gap: '8px 10px',
    alignItems: 'center',
    fontSize: '13px',
  },
  problem: { gridColumn: '2 / 4', color: tokens.colorPaletteRedForeground1, fontSize: '12px' },
  inherited: { color: tokens.colorNeutralForeground3, fontSize: '12px' },
  groups: { display: 'flex', flexDirection: 'column', gap: '2px', fontSize: '13px' },
  note: { color: tokens.colorNeutralForeground3, fontSize: '12px' },
});

type FormTab = 'general' | ClientSettingGroup;

/**
 * The pages of Create Custom Client Device Settings and of client settings Properties: General
 * (name, description and, for a custom object, which groups it configures) and one page per
 * group. A custom object's unticked setting falls through to lower priorities; the Default
 * Client Settings configure everything.
 */
export function ClientSettingsForm(props: {
  draft: ClientSettingsDraft;
  onChange(draft: ClientSettingsDraft): void;
  isDefault: boolean;
  /** The Default Client Settings: where unconfigured settings come from, and where new ones start. */
  defaults: SoftwareUpdateClientSettings;
  /** Sentences from the site, by field, after a refused OK. */
  siteProblems?: Partial<Record<string, string>>;
}) {
  const styles = useStyles();
  const { draft, isDefault, defaults } = props;
  const [tab, setTab] = useState<FormTab>('general');
  const problems = { ...draftProblems(draft), ...props.siteProblems };
  const groups = clientSettingGroups.filter(
    (group) => isDefault || groupState(draft, group) !== 'none',
  );
  return (
    <>
      <TabList
        size="small"
        selectedValue={tab}
        onTabSelect={(_event, data) => setTab(data.value as FormTab)}
      >
        <Tab value="general">General</Tab>
        {groups.map((group) => (
          <Tab key={group} value={group}>
            {group}
          </Tab>
        ))}
      </TabList>
      {tab === 'general' && (
        <div className={styles.page}>
          <Field
            label="Name"
            required
            validationState={problems['name'] ? 'error' : 'none'}
            validationMessage={problems['name']}
          >
            <Input
              value={draft.name}
              maxLength={256}
              disabled={isDefault}
              onChange={(_event, data) => props.onChange({ ...draft, name: data.value })}
            />
          </Field>
          <Field label="Description">
            <Textarea
              value={draft.description}
              maxLength={512}
              resize="vertical"
              onChange={(_event, data) => props.onChange({ ...draft, description: data.value })}
            />
          </Field>
          {!isDefault && (
            <div role="group" aria-label="Settings to configure" className={styles.groups}>
              <span>
                Select and then configure the following settings. Settings you do not select come
                from lower priorities.
              </span>
              {clientSettingGroups.map((group) => {
                const state = groupState(draft, group);
                return (
                  <Checkbox
                    key={group}
                    label={group}
                    checked={state === 'all' ? true : state === 'some' ? 'mixed' : false}
                    onChange={(_event, data) =>
                      props.onChange(withGroup(draft, group, data.checked === true, defaults))
                    }
                  />
                );
              })}
            </div>
          )}
        </div>
      )}
      {tab !== 'general' && (
        <div className={styles.page}>
          {!isDefault && (
            <span className={styles.note}>
              Clear a setting&apos;s box to let it come from lower-priority client settings.
            </span>
          )}
          <div className={styles.settings}>
            {clientSettingInfo
              .filter((setting) => setting.group === tab)
              .map((setting) => {
                const value = isDefault
                  ? (draft.settings[setting.key] ?? defaults[setting.key])
                  : draft.settings[setting.key];
                const isConfigured = value !== undefined;
                return (
                  <div key={setting.key} style={{ display: 'contents' }}>
                    {isDefault ? (
                      <span />
                    ) : (
                      <Checkbox
                        aria-label={`Configure ${setting.label}`}
                        checked={isConfigured}
                        onChange={(_event, data) =>
                          props.onChange(
                            withSetting(
                              draft,
                              setting.key,
                              data.checked ? defaults[setting.key] : undefined,
                            ),
                          )
                        }
                      />
                    )}
                    <span>{setting.label}</span>
                    {isConfigured ? (
                      <SettingEditor
                        setting={setting}
                        value={value}
                        onChange={(next) => props.onChange(withSetting(draft, setting.key, next))}
                      />
                    ) : (
                      <span className={styles.inherited}>
                        Not configured ({formatSettingValue(defaults[setting.key])} by default)
                      </span>
                    )}
                    {problems[setting.key] && (
                      <span className={styles.problem}>{problems[setting.key]}</span>
                    )}
                  </div>
                );
              })}
          </div>
        </div>
      )}
    </>
  );
}
