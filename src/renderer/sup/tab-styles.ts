import { makeStyles, tokens } from '@fluentui/react-components';

/** The layout every tab of the dialog shares: the console's dense dialog text. */
export const useTabStyles = makeStyles({
  intro: { margin: '2px 0 10px' },
  note: { margin: '8px 0 0', color: tokens.colorNeutralForeground3 },
  indent: { marginLeft: '28px' },
  row: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  scrollBox: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowY: 'auto',
    padding: '2px 4px',
  },
  /** Checkbox rows of a list box (classifications, products, languages), as dense as the console's. */
  listCheckbox: {
    '& .fui-Checkbox__indicator': { marginTop: '3px', marginBottom: '3px' },
    '& .fui-Checkbox__label': { paddingTop: '2px', paddingBottom: '2px' },
  },
  problem: { color: tokens.colorPaletteRedForeground1, margin: '4px 0 0' },
});
