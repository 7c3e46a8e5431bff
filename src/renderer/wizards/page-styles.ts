import { makeStyles, tokens } from '@fluentui/react-components';

/** The layout every wizard page shares: ConfigMgr's dense dialog text and indented options. */
export const usePageStyles = makeStyles({
  intro: { margin: '0 0 12px', color: tokens.colorNeutralForeground1 },
  note: { margin: '6px 0 0', color: tokens.colorNeutralForeground3 },
  indent: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    margin: '2px 0 10px 28px',
    // Inside a RadioGroup the options shrink to their text; the fields under one must not.
    alignSelf: 'stretch',
  },
  row: { display: 'flex', alignItems: 'flex-end', gap: '8px' },
  grow: { flex: 1, minWidth: 0 },
  problem: { color: tokens.colorPaletteRedForeground1, margin: '4px 0 0' },
  toolbar: { display: 'flex', gap: '8px', margin: '0 0 6px' },
  /** A drop-down of a few short choices does not need the page's whole width. */
  narrow: { maxWidth: '420px' },
});
