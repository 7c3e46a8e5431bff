import { sql } from 'kysely';
import { z } from 'zod';
import type { DeploymentTemplateCreate } from '../../../shared/contract/deployments';
import {
  DeploymentSettings,
  TemplatePart,
  type DeploymentTemplate,
} from '../../../shared/contract/deployments';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import { collectionProblem } from './deployment-validation';
import { fieldError } from './field-error';

/** What the template row's JSON holds: the checked parts, their settings and the collection. */
const StoredTemplate = z.object({
  parts: z.array(TemplatePart),
  settings: DeploymentSettings,
  collectionId: z.number().int().nullable(),
});

type TemplateRow = { id: number; name: string; settings: string; created_at: string };

function toTemplate(row: TemplateRow): DeploymentTemplate {
  const stored = StoredTemplate.parse(JSON.parse(row.settings));
  return { id: row.id, name: row.name, dateCreated: row.created_at, ...stored };
}

/** Select Deployment Template: every template, by name. */
export async function listTemplates(site: SiteDatabase): Promise<DeploymentTemplate[]> {
  const rows = await site.read
    .selectFrom('deployment_template')
    .selectAll()
    .orderBy('name')
    .execute();
  return rows.map(toTemplate);
}

/**
 * Save As Template (§7.11): the checked groups of settings, and the collection when checked.
 * Names are unique without regard to case, as every name in the console.
 */
export async function createTemplate(
  site: SiteDatabase,
  clock: Clock,
  input: z.output<typeof DeploymentTemplateCreate>,
): Promise<DeploymentTemplate> {
  const parts = [...new Set(input.parts)];
  let collectionId: number | null = null;
  if (parts.includes('collection')) {
    if (input.collectionId === undefined)
      throw fieldError('invalid-input', [
        { path: ['collectionId'], message: 'choose the collection the template includes' },
      ]);
    const { problem } = await collectionProblem(site.db, input.collectionId);
    if (problem) throw fieldError('not-found', [{ ...problem, path: ['collectionId'] }]);
    collectionId = input.collectionId;
  }
  return site.db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('deployment_template')
      .select('name')
      .where(sql<boolean>`lower(name) = ${input.name.toLowerCase()}`)
      .executeTakeFirst();
    if (clash)
      throw fieldError('conflict', [
        { path: ['name'], message: `a deployment template named "${clash.name}" already exists` },
      ]);
    const row = await trx
      .insertInto('deployment_template')
      .values({
        name: input.name,
        settings: JSON.stringify({ parts, settings: input.settings, collectionId }),
        created_at: clock.now().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTemplate(row);
  });
}

export async function deleteTemplates(
  site: SiteDatabase,
  ids: number[],
): Promise<{ deleted: number }> {
  const unique = [...new Set(ids)];
  return site.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('deployment_template')
      .select('id')
      .where('id', 'in', unique)
      .execute();
    const missing = unique.find((id) => !rows.some((row) => row.id === id));
    if (missing !== undefined)
      throw fieldError('not-found', [
        { path: ['ids'], message: `deployment template ${missing} does not exist` },
      ]);
    await trx.deleteFrom('deployment_template').where('id', 'in', unique).execute();
    return { deleted: unique.length };
  });
}
