import {
  Button,
  Dialog,
  DialogSurface,
  Link,
  makeStyles,
  Spinner,
  tokens,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
} from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowLeftRegular,
  CalendarAddRegular,
  DismissRegular,
  DocumentPdfRegular,
  DocumentTableRegular,
  DocumentTextRegular,
} from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { Fragment, useEffect, useRef, useState } from 'react';
import type { SiteApi } from '../../shared/api/site-api';
import type { ReportDefinition, ReportName, ReportParameters } from '../../shared/contract/reports';
import { formatDateTime } from '../format';
import { CreateSubscriptionDialog } from './create-subscription-dialog';
import { ParameterPicker } from './parameter-picker';
import { ReportCharts } from './report-charts';
import { ReportTableView } from './report-table';
import { ReportViewerStore, type ReportFileFormat } from './report-viewer-store';

const useStyles = makeStyles({
  surface: {
    width: '96vw',
    maxWidth: '96vw',
    height: '92vh',
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    overflow: 'hidden',
  },
  titleBar: {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    padding: '4px 4px 4px 12px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  windowTitle: { flex: 1, fontSize: '13px', fontWeight: tokens.fontWeightSemibold, margin: 0 },
  parameters: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: '10px 16px',
    flexWrap: 'wrap',
    padding: '6px 12px 8px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  noParameters: { color: tokens.colorNeutralForeground3, fontSize: '12px', alignSelf: 'center' },
  viewButton: { marginLeft: 'auto' },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    padding: '0 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minHeight: '32px',
    whiteSpace: 'nowrap',
    '& button': { whiteSpace: 'nowrap' },
  },
  freshness: {
    marginLeft: 'auto',
    color: tokens.colorNeutralForeground3,
    fontSize: '11px',
    paddingRight: '4px',
  },
  body: { flex: 1, minHeight: 0, overflow: 'auto', padding: '10px 16px 16px' },
  breadcrumb: { fontSize: '12px', margin: '0 0 6px', color: tokens.colorNeutralForeground3 },
  reportTitle: { fontSize: '16px', fontWeight: tokens.fontWeightSemibold, margin: '0 0 2px' },
  description: { color: tokens.colorNeutralForeground2, fontSize: '12px', margin: '0 0 4px' },
  parameterLine: { fontSize: '12px', margin: '0 0 8px' },
  parameterName: { color: tokens.colorNeutralForeground3 },
  message: { color: tokens.colorNeutralForeground2, fontSize: '12px', padding: '12px 0' },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: '12px', padding: '4px 0' },
  done: { color: tokens.colorPaletteGreenForeground1, fontSize: '12px', padding: '4px 0' },
});

const exportFormats: {
  format: ReportFileFormat;
  label: string;
  icon: typeof DocumentTextRegular;
}[] = [
  { format: 'csv', label: 'CSV', icon: DocumentTextRegular },
  { format: 'xlsx', label: 'Excel (XLSX)', icon: DocumentTableRegular },
  { format: 'pdf', label: 'PDF', icon: DocumentPdfRegular },
];

/**
 * The Report Viewer window (ConfigMgr opens reports in one): the parameters at the top with
 * View Report, a toolbar with Back, Refresh and Export, then the report itself: title, its
 * parameters, how fresh the data is, charts and tables. Rows of a table that leads to a secondary
 * report open it here, and the breadcrumb goes back.
 */
export const ReportViewer = observer(function ReportViewer({
  api,
  definitions,
  report,
  parameters,
  onClose,
}: {
  api: SiteApi;
  definitions: ReadonlyMap<ReportName, ReportDefinition>;
  report: ReportDefinition;
  parameters?: ReportParameters;
  onClose(): void;
}) {
  const styles = useStyles();
  const [store] = useState(() => new ReportViewerStore(api, definitions, report, parameters));
  const [isSubscribing, setSubscribing] = useState(false);
  const [subscribed, setSubscribed] = useState<string | null>(null);
  const subscribeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // A report whose parameters are all optional (or given) runs at once, as in ConfigMgr.
    if (store.canRun) void store.run();
  }, [store]);

  const { definition } = store.current;
  const result = store.result?.report === definition.name ? store.result : null;
  const displayOf = (name: string) =>
    result?.parameters.find((parameter) => parameter.name === name)?.display;

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} aria-label={`Report Viewer: ${definition.name}`}>
        <div className={styles.titleBar}>
          <h2 className={styles.windowTitle}>{definition.name}</h2>
          <Button
            appearance="subtle"
            size="small"
            icon={<DismissRegular />}
            aria-label="Close"
            onClick={onClose}
          />
        </div>
        <form
          className={styles.parameters}
          aria-label="Report parameters"
          onSubmit={(event) => {
            event.preventDefault();
            void store.run();
          }}
        >
          {definition.parameters.length === 0 && (
            <span className={styles.noParameters}>This report has no parameters.</span>
          )}
          {definition.parameters.map((parameter) => (
            <ParameterPicker
              key={`${definition.name}/${parameter.name}`}
              api={api}
              parameter={parameter}
              value={store.current.parameters[parameter.name]}
              display={displayOf(parameter.name)}
              onChange={(value) => store.setParameter(parameter.name, value)}
            />
          ))}
          <Button
            className={styles.viewButton}
            appearance="primary"
            size="small"
            type="submit"
            disabled={!store.canRun}
            title={
              store.missingParameters.length > 0
                ? `Choose ${store.missingParameters.join(', ')} first.`
                : 'Runs the report on the live counters.'
            }
          >
            View Report
          </Button>
        </form>
        <Toolbar className={styles.toolbar} aria-label="Report toolbar" size="small">
          <ToolbarButton
            icon={<ArrowLeftRegular />}
            disabled={store.trail.length < 2}
            onClick={() => store.goBackTo(store.trail.length - 2)}
          >
            Back to Parent Report
          </ToolbarButton>
          <ToolbarButton
            icon={<ArrowClockwiseRegular />}
            disabled={!store.canRun}
            onClick={() => void store.run()}
          >
            Refresh
          </ToolbarButton>
          <ToolbarDivider />
          {exportFormats.map(({ format, label, icon: Icon }) => (
            <ToolbarButton
              key={format}
              icon={store.exporting === format ? <Spinner size="extra-tiny" /> : <Icon />}
              disabled={!store.canRun || store.exporting !== null}
              onClick={() => void store.exportAs(format)}
            >
              Export {label}
            </ToolbarButton>
          ))}
          <ToolbarDivider />
          <ToolbarButton
            icon={<CalendarAddRegular />}
            disabled={!store.canRun}
            onClick={() => setSubscribing(true)}
          >
            Create Subscription
          </ToolbarButton>
          <span
            className={styles.freshness}
            data-testid="data-as-of"
            title="Patchbay's reports read the live counters when they run; ConfigMgr's read summarized data."
          >
            {result ? `Data as of ${formatDateTime(result.dataAsOf)} (live counters)` : ''}
          </span>
        </Toolbar>
        <div className={styles.body}>
          {store.trail.length > 1 && (
            <nav className={styles.breadcrumb} aria-label="Report breadcrumb">
              {store.trail.map((visit, index) => (
                <Fragment key={`${visit.definition.name}-${index}`}>
                  {index > 0 && ' › '}
                  {index < store.trail.length - 1 ? (
                    <Link as="button" onClick={() => store.goBackTo(index)}>
                      {visit.definition.name}
                    </Link>
                  ) : (
                    <span aria-current="page">{visit.definition.name}</span>
                  )}
                </Fragment>
              ))}
            </nav>
          )}
          <h1 className={styles.reportTitle}>{result?.title ?? definition.name}</h1>
          <p className={styles.description}>{definition.description}</p>
          {subscribed && (
            <div className={styles.done} role="status">
              {subscribed}
            </div>
          )}
          {store.exportError && (
            <div className={styles.error} role="alert">
              The report could not be exported: {store.exportError}
            </div>
          )}
          {store.runError && (
            <div className={styles.error} role="alert">
              The report could not be run: {store.runError}
            </div>
          )}
          {result ? (
            <>
              {result.parameters.length > 0 && (
                <p className={styles.parameterLine} data-testid="report-parameters">
                  {result.parameters.map((parameter, index) => (
                    <Fragment key={parameter.name}>
                      {index > 0 && '   ·   '}
                      <span className={styles.parameterName}>{parameter.label}: </span>
                      {parameter.display}
                    </Fragment>
                  ))}
                </p>
              )}
              <ReportCharts charts={result.charts} />
              {result.tables.map((table) => (
                <ReportTableView
                  key={`${result.report}/${table.name}`}
                  table={table}
                  onDrillThrough={(row) => void store.drillThrough(table, row)}
                />
              ))}
            </>
          ) : (
            <div className={styles.message}>
              {store.isRunning ? (
                <Spinner size="tiny" label="Running the report…" labelPosition="after" />
              ) : store.missingParameters.length > 0 ? (
                `Choose ${store.missingParameters.join(', ')} above, then View Report.`
              ) : (
                !store.runError && 'Choose the parameters above, then View Report.'
              )}
            </div>
          )}
        </div>
        {isSubscribing && (
          <CreateSubscriptionDialog
            api={api}
            report={definition.name}
            parameters={store.current.parameters}
            onDone={(sentence) => {
              setSubscribing(false);
              if (sentence) setSubscribed(sentence);
              setTimeout(() => subscribeButton.current?.focus(), 0);
            }}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
});
