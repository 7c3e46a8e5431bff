import { makeStyles, tokens } from '@fluentui/react-components';

/** The dense list boxes of the collection's Properties (rules, windows), as in the console. */
export const useSmallTableStyles = makeStyles({
  box: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    maxHeight: '180px',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: '12px' },
  head: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    padding: '3px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    position: 'sticky',
    top: 0,
  },
  cell: { padding: '3px 6px', cursor: 'default' },
  // The grid's own selection blue, so a picked row reads as picked.
  selected: { backgroundColor: '#cce8ff' },
  empty: { padding: '6px', color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', gap: '6px', alignItems: 'center' },
  note: { color: tokens.colorNeutralForeground3, fontSize: '12px' },
});
