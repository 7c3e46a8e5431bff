import { sql, type Kysely, type RawBuilder } from 'kysely';
import type {
  ReportCategory,
  ReportCell,
  ReportChart,
  ReportColumn,
  ReportColumnType,
  ReportDefinition,
  ReportName,
  ReportParameterKind,
  ReportTable,
} from '../../../shared/contract/reports';
import type { SiteSchema } from '../db/schema-types';

/** What a report reads: the live tables, the parameters already checked, and "now". */
export interface ReportInput {
  readonly db: Kysely<SiteSchema>;
  /** Every required parameter is present and names something that exists. */
  readonly params: Readonly<Record<string, string>>;
  readonly now: string;
}

/** A table as a report builds it; the runner turns absent cells into nulls. */
export type BuiltTable = Omit<ReportTable, 'rows' | 'hiddenKeys'> & {
  rows: Array<Record<string, ReportCell | undefined>>;
  hiddenKeys?: string[];
};

export interface ReportBody {
  tables: BuiltTable[];
  charts: ReportChart[];
}

export interface BuiltInReport {
  readonly definition: ReportDefinition;
  run(input: ReportInput): Promise<ReportBody>;
}

/** Parameter shorthand: `param('collection', 'Collection', 'collection')`. */
export function param(
  name: string,
  label: string,
  kind: ReportParameterKind,
  required = true,
): ReportDefinition['parameters'][number] {
  return { name, label, kind, required };
}

export function report(
  name: ReportName,
  category: ReportCategory,
  description: string,
  parameters: ReportDefinition['parameters'],
  run: BuiltInReport['run'],
): BuiltInReport {
  return {
    definition: {
      name,
      category,
      description,
      isSecondary: name.endsWith('(secondary)'),
      parameters,
    },
    run,
  };
}

/** Columns from `[key, header, type]` triples, so each report's table reads as a list. */
export function columns(...specs: Array<[string, string, ReportColumnType?]>): ReportColumn[] {
  return specs.map(([key, header, type]) => ({ key, header, type: type ?? 'text' }));
}

type Row = Record<string, unknown>;

/**
 * Runs a raw query and normalises its cells: PostgreSQL returns COUNT(*) and SUM as strings
 * (bigint), SQLite as numbers; `numeric` names the columns to read as numbers.
 */
export async function query(
  db: Kysely<SiteSchema>,
  statement: RawBuilder<unknown>,
  numeric: readonly string[] = [],
): Promise<Array<Record<string, string | number | null>>> {
  const result = await (statement as RawBuilder<Row>).execute(db);
  return result.rows.map((row) => {
    const out: Record<string, string | number | null> = {};
    for (const [key, value] of Object.entries(row)) {
      if (value === null || value === undefined) out[key] = null;
      else if (numeric.includes(key)) out[key] = Number(value);
      else out[key] = typeof value === 'number' ? value : String(value);
    }
    return out;
  });
}

/** Whole percent, rounded down like the console's Percent Compliant. */
export function percentOf(part: number, total: number): number {
  return total > 0 ? Math.floor((part * 100) / total) : 0;
}

export const intParam = (input: ReportInput, name: string): number => Number(input.params[name]);

/** Members of a collection, as a subquery. */
export const membersOf = (collectionId: number) =>
  sql`SELECT client_id FROM collection_member WHERE collection_id = ${collectionId}`;

export { sql };
