import { makeAutoObservable, runInAction } from 'mobx';
import type { SiteApi } from '../../shared/api/site-api';
import type {
  ReportDefinition,
  ReportName,
  ReportParameters,
  ReportResult,
  ReportTable,
} from '../../shared/contract/reports';
import { saveBase64File } from './save-download';

/** One report the viewer has opened: the first one, or one reached by clicking a row. */
export interface ReportVisit {
  readonly definition: ReportDefinition;
  /** The values in the parameter bar, by parameter name. */
  readonly parameters: ReportParameters;
}

export type ReportFileFormat = 'csv' | 'xlsx' | 'pdf';

/**
 * The Report Viewer window: the report shown, its parameters, its last result, and the reports
 * the admin drilled through from (the breadcrumb), so Back returns to the parent report with the
 * parameters and result it had.
 */
export class ReportViewerStore {
  /** From the report first opened to the one shown; the breadcrumb. */
  trail: ReportVisit[];
  result: ReportResult | null = null;
  /** The parent reports' results, kept so Back shows them without reading them again. */
  private readonly trailResults: (ReportResult | null)[] = [];
  isRunning = false;
  runError: string | null = null;
  exporting: ReportFileFormat | null = null;
  exportError: string | null = null;

  constructor(
    private readonly api: SiteApi,
    private readonly definitions: ReadonlyMap<ReportName, ReportDefinition>,
    first: ReportDefinition,
    parameters: ReportParameters = {},
  ) {
    this.trail = [{ definition: first, parameters }];
    makeAutoObservable<ReportViewerStore, 'api' | 'definitions' | 'trailResults'>(this, {
      api: false,
      definitions: false,
      trailResults: false,
    });
  }

  get current(): ReportVisit {
    return this.trail[this.trail.length - 1]!;
  }

  /** Required parameters still empty: the report cannot run without them. */
  get missingParameters(): string[] {
    const { definition, parameters } = this.current;
    return definition.parameters
      .filter((parameter) => parameter.required && !parameters[parameter.name])
      .map((parameter) => parameter.label);
  }

  get canRun(): boolean {
    return !this.isRunning && this.missingParameters.length === 0;
  }

  setParameter(name: string, value: string | undefined): void {
    const visit = this.current;
    const parameters = { ...visit.parameters };
    if (value === undefined || value === '') delete parameters[name];
    else parameters[name] = value;
    this.trail[this.trail.length - 1] = { ...visit, parameters };
  }

  /** The View Report button: reads the report from the live counters. */
  async run(): Promise<void> {
    if (!this.canRun) return;
    const { definition, parameters } = this.current;
    this.isRunning = true;
    this.runError = null;
    try {
      const result = await this.api.call('reports.run', {
        report: definition.name,
        parameters: this.onlyDeclared(definition, parameters),
      });
      runInAction(() => {
        // The admin may have drilled or gone back meanwhile: keep only the answer still wanted.
        if (this.current.definition.name === definition.name) this.result = result;
      });
    } catch (error) {
      runInAction(() => (this.runError = (error as Error).message));
    } finally {
      runInAction(() => (this.isRunning = false));
    }
  }

  /**
   * Clicking a row of a table with a drill-through opens the secondary report with the current
   * parameters and the row's values for the parameters it names, and runs it.
   */
  async drillThrough(table: ReportTable, row: ReportTable['rows'][number]): Promise<void> {
    const link = table.drillThrough;
    const definition = link && this.definitions.get(link.report);
    if (!link || !definition) return;
    const parameters: Record<string, string> = { ...this.current.parameters };
    for (const [parameter, column] of Object.entries(link.parameterFromColumn)) {
      const value = row[column];
      if (value !== null && value !== undefined) parameters[parameter] = String(value);
    }
    this.trailResults.push(this.result);
    this.trail.push({ definition, parameters: this.onlyDeclared(definition, parameters) });
    this.result = null;
    this.runError = null;
    await this.run();
  }

  /** A breadcrumb link: back to a parent report as it was left. */
  goBackTo(index: number): void {
    if (index < 0 || index >= this.trail.length - 1) return;
    this.result = this.trailResults[index] ?? null;
    this.trail.splice(index + 1);
    this.trailResults.splice(index);
    this.runError = null;
  }

  /** Export: the site writes the file from the same run, the console downloads its bytes. */
  async exportAs(format: ReportFileFormat): Promise<void> {
    if (!this.canRun || this.exporting) return;
    const { definition, parameters } = this.current;
    this.exporting = format;
    this.exportError = null;
    try {
      const file = await this.api.call('reports.export', {
        report: definition.name,
        parameters: this.onlyDeclared(definition, parameters),
        format,
      });
      saveBase64File(file.fileName, file.contentBase64, file.mimeType);
    } catch (error) {
      runInAction(() => (this.exportError = (error as Error).message));
    } finally {
      runInAction(() => (this.exporting = null));
    }
  }

  /** A parent's parameters the child does not take are not sent (the site refuses unknown ones). */
  private onlyDeclared(definition: ReportDefinition, parameters: ReportParameters) {
    const names = new Set(definition.parameters.map((parameter) => parameter.name));
    return Object.fromEntries(Object.entries(parameters).filter(([name]) => names.has(name)));
  }
}
