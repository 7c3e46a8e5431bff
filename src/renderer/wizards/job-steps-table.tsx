import { makeStyles, tokens } from '@fluentui/react-components';
import { SelectTable } from './select-table';

const useStyles = makeStyles({
  failed: { color: tokens.colorPaletteRedForeground1 },
});

/** One step a wizard's job reports: what it was, how it ended, and why. */
export interface JobStep<Name extends string> {
  step: Name;
  outcome: string;
  message: string;
}

/**
 * The Completion page's steps (Deploy Software Updates, Create Automatic Deployment Rule): one
 * row a step, a failed one in red, the details in full on hover.
 */
export function JobStepsTable<Name extends string>({
  steps,
  stepText,
  height,
  emptyText,
}: {
  steps: readonly JobStep<Name>[];
  stepText: Record<Name, string>;
  height: string;
  emptyText: string;
}) {
  const styles = useStyles();
  return (
    <SelectTable<JobStep<Name>>
      label="Steps"
      columns={[
        { header: 'Step', width: '30%', cell: (row) => stepText[row.step] },
        {
          header: 'Result',
          width: '16%',
          cell: (row) => (
            <span className={row.outcome === 'Failed' ? styles.failed : undefined}>
              {row.outcome}
            </span>
          ),
        },
        { header: 'Details', cell: (row) => <span title={row.message}>{row.message}</span> },
      ]}
      rows={steps}
      rowKey={(row) => row.step}
      rowName={(row) => stepText[row.step]}
      selected={new Set()}
      onSelect={() => undefined}
      height={height}
      emptyText={emptyText}
    />
  );
}
