import { makeStyles, tokens } from '@fluentui/react-components';
import { PropertyList, type PropertyRow } from './property-list';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gap: '16px',
    height: '100%',
    minHeight: 0,
  },
  text: {
    margin: 0,
    padding: '6px 8px',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    overflowY: 'auto',
    userSelect: 'text',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontFamily: 'inherit',
    minHeight: 0,
  },
});

/**
 * A details pane of properties beside a block of selectable text, as the console's message
 * detail views show a status message's description or a failure's sentence.
 */
export function PropertiesWithText(props: {
  rows: readonly PropertyRow[];
  text: string;
  textLabel: string;
  /** The properties column's width range, e.g. 'minmax(240px, 320px)'. */
  propertiesWidth: string;
}) {
  const styles = useStyles();
  return (
    <div
      className={styles.layout}
      style={{ gridTemplateColumns: `${props.propertiesWidth} minmax(0, 1fr)` }}
    >
      <PropertyList rows={props.rows} />
      <pre className={styles.text} aria-label={props.textLabel}>
        {props.text}
      </pre>
    </div>
  );
}
