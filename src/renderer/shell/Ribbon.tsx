import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { Fragment } from 'react';
import type { ShellStore } from '../stores/shell-store';
import { homeTabGroups, type RibbonButtonModel } from './ribbon-model';

const useStyles = makeStyles({
  ribbon: {
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  tabs: {
    display: 'flex',
    alignItems: 'flex-end',
    height: '26px',
    paddingLeft: '4px',
    backgroundColor: '#1b4f8c',
  },
  appTab: {
    alignSelf: 'stretch',
    display: 'flex',
    alignItems: 'center',
    padding: '0 14px',
    color: '#ffffff',
    fontWeight: tokens.fontWeightSemibold,
    letterSpacing: '0.2px',
  },
  tab: {
    height: '22px',
    display: 'flex',
    alignItems: 'center',
    padding: '0 16px',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    borderRadius: '2px 2px 0 0',
  },
  groups: {
    display: 'flex',
    alignItems: 'stretch',
    height: '80px',
    padding: '3px 4px 0',
    overflowX: 'auto',
    overflowY: 'hidden',
  },
  group: { display: 'flex', flexDirection: 'column', alignItems: 'center', padding: '0 2px' },
  buttons: { display: 'flex', flex: 1, alignItems: 'flex-start', gap: '1px' },
  groupLabel: {
    fontSize: '11px',
    lineHeight: '16px',
    color: tokens.colorNeutralForeground3,
    whiteSpace: 'nowrap',
  },
  separator: {
    width: '1px',
    margin: '4px 3px 6px',
    backgroundColor: tokens.colorNeutralStroke2,
    flexShrink: 0,
  },
  button: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'flex-start',
    gap: '2px',
    minWidth: '54px',
    // Wide enough for "Synchronize Software Updates" in two lines, as the console shows it.
    maxWidth: '104px',
    height: '58px',
    padding: '3px 5px',
    border: '1px solid transparent',
    borderRadius: '2px',
    background: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: '11px',
    lineHeight: '13px',
    textAlign: 'center',
    cursor: 'pointer',
    ':hover:enabled': {
      backgroundColor: '#e5f3ff',
      border: '1px solid #cce8ff',
    },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    ':disabled': { color: tokens.colorNeutralForegroundDisabled, cursor: 'default' },
  },
  label: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    // Shrunk by the button's column, Chromium clamps a two-line label after its first word
    // ("Run… Summarization"); at its own height it clamps only a third line.
    flexShrink: 0,
  },
  pressed: { backgroundColor: '#cce8ff', border: '1px solid #99d1ff' },
  icon: { fontSize: '24px', flexShrink: 0, color: tokens.colorBrandForeground1 },
  iconDisabled: { color: tokens.colorNeutralForegroundDisabled },
});

/** The ribbon: the Home tab with the current node's button groups. */
export const Ribbon = observer(function Ribbon({ shell }: { shell: ShellStore }) {
  const styles = useStyles();
  const groups = homeTabGroups(shell);
  return (
    <div className={styles.ribbon}>
      <div className={styles.tabs}>
        <div className={styles.appTab}>Patchbay</div>
        <div className={styles.tab} role="tab" aria-selected="true">
          Home
        </div>
      </div>
      <div className={styles.groups} role="toolbar" aria-label="Home">
        {groups.map((group, index) => (
          <Fragment key={group.label}>
            {index > 0 && <div className={styles.separator} />}
            <div className={styles.group} role="group" aria-label={group.label}>
              <div className={styles.buttons}>
                {group.buttons.map((button) => (
                  <RibbonButton key={button.id} button={button} />
                ))}
              </div>
              <div className={styles.groupLabel}>{group.label}</div>
            </div>
          </Fragment>
        ))}
      </div>
    </div>
  );
});

function RibbonButton({ button }: { button: RibbonButtonModel }) {
  const styles = useStyles();
  const Icon = button.icon;
  return (
    <button
      type="button"
      className={mergeClasses(styles.button, button.isPressed && styles.pressed)}
      disabled={!button.isEnabled}
      title={button.description}
      aria-pressed={button.isPressed}
      data-action={button.id}
      onClick={(event) => button.onClick(event.currentTarget.getBoundingClientRect())}
    >
      <Icon
        className={mergeClasses(styles.icon, !button.isEnabled && styles.iconDisabled)}
        aria-hidden
      />
      <span className={styles.label}>{button.label}</span>
    </button>
  );
}
