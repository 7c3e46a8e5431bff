import type { Kysely } from 'kysely';
import {
  reportCategories,
  type ReportDefinition,
  type ReportName,
  type ReportResult,
} from '../../../shared/contract/reports';
import { SiteError } from '../../../shared/errors';
import type { SiteSchema } from '../db/schema-types';
import { builtInReports } from './built-in-reports';
import { canonicalValue, displayOf } from './report-parameters';

export function findReport(name: string) {
  const found = builtInReports.find((each) => each.definition.name === name);
  if (!found)
    throw new SiteError(
      'not-found',
      `report: there is no report named "${name}". Reports: ${builtInReports.map((each) => each.definition.name).join('; ')}.`,
    );
  return found;
}

export function reportCatalog() {
  return {
    categories: reportCategories.map((name) => ({
      name,
      reports: builtInReports
        .filter((each) => each.definition.category === name)
        .map((each) => each.definition),
    })),
  };
}

function describeParameters(definition: ReportDefinition): string {
  return definition.parameters
    .map((each) => `${each.name} (${each.label}, ${each.required ? 'required' : 'optional'})`)
    .join(', ');
}

/**
 * Runs a report on the live tables. A missing or unknown parameter, or a value that names
 * nothing on the site, is refused with the report's valid parameters, so the console, the CLI
 * and a schedule get the same sentence.
 */
export async function runReport(
  db: Kysely<SiteSchema>,
  name: ReportName,
  parameters: Record<string, string>,
  now: string,
): Promise<ReportResult> {
  const built = findReport(name);
  const { definition } = built;
  const valid = describeParameters(definition) || 'none';
  for (const given of Object.keys(parameters))
    if (!definition.parameters.some((each) => each.name === given))
      throw new SiteError(
        'invalid-input',
        `parameters.${given}: "${name}" has no parameter "${given}". Its parameters: ${valid}.`,
      );
  const shown: ReportResult['parameters'] = [];
  const params: Record<string, string> = {};
  for (const each of definition.parameters) {
    const given = parameters[each.name]?.trim() ?? '';
    const value = given === '' ? '' : await canonicalValue(db, each.kind, given);
    if (value === '') {
      if (each.required)
        throw new SiteError(
          'invalid-input',
          `parameters.${each.name}: "${name}" needs ${each.label}. Its parameters: ${valid}.`,
        );
      continue;
    }
    const display = await displayOf(db, each.kind, value);
    if (display === null)
      throw new SiteError(
        'invalid-input',
        `parameters.${each.name}: no ${each.label.toLowerCase()} "${given}" exists; \`patchbay report values ${each.kind}\` (reports.parameterValues) lists the values.`,
      );
    params[each.name] = value;
    shown.push({ name: each.name, label: each.label, value, display });
  }
  const body = await built.run({ db, params, now });
  return {
    report: name,
    title: name.replace(/ \(secondary\)$/, ''),
    parameters: shown,
    dataAsOf: now,
    tables: body.tables.map((table) => ({
      ...table,
      hiddenKeys: table.hiddenKeys ?? [],
      rows: table.rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, cell ?? null])),
      ),
    })),
    charts: body.charts,
  };
}
