import type { Kysely } from 'kysely';
import type { DownloadPreview } from '../../../shared/contract/deployment-packages';
import { isFileWanted } from '../../../shared/content/file-language';
import { SiteError } from '../../../shared/errors';
import type { SiteSchema } from '../db/schema-types';
import { updateLanguages } from '../sup/languages';

export interface PlannedFile {
  contentFileId: number;
  fileName: string;
  url: string;
  size: number;
  sha256: string;
  sha1: string;
}

export interface PlannedUpdate {
  ciId: number;
  updateId: string;
  title: string;
  isMetadataOnly: boolean;
  /** Files of the chosen languages (and language-neutral ones). */
  files: PlannedFile[];
  /** Files of those the package already holds. */
  heldFileIds: Set<number>;
}

const offeredCodes = new Set(updateLanguages.map((language) => language.code));

/** The updates of a selection (CI IDs, or a group's members), each with the files it needs. */
export async function planDownload(
  db: Kysely<SiteSchema>,
  selection: { ciIds: number[]; groupId?: number | undefined },
  languages: string[],
  packageId: number | null,
): Promise<PlannedUpdate[]> {
  const ciIds = new Set(selection.ciIds);
  if (selection.groupId !== undefined) {
    const group = await db
      .selectFrom('software_update_group')
      .select('id')
      .where('id', '=', selection.groupId)
      .executeTakeFirst();
    if (!group)
      throw new SiteError('not-found', `No software update group has the id ${selection.groupId}.`);
    for (const row of await db
      .selectFrom('software_update_group_member')
      .select('ci_id')
      .where('group_id', '=', selection.groupId)
      .execute())
      ciIds.add(row.ci_id);
  }
  if (ciIds.size === 0) return [];
  const ids = [...ciIds];
  const updates: Array<{
    ci_id: number;
    update_id: string;
    title: string;
    is_metadata_only: number;
  }> = [];
  const files: Array<{
    id: number;
    ci_id: number;
    file_name: string;
    url: string;
    size: number;
    sha256: string;
    sha1: string;
    language_code: string;
  }> = [];
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    updates.push(
      ...(await db
        .selectFrom('software_update')
        .select(['ci_id', 'update_id', 'title', 'is_metadata_only'])
        .where('ci_id', 'in', chunk)
        .execute()),
    );
    files.push(
      ...(await db
        .selectFrom('content_file')
        .select(['id', 'ci_id', 'file_name', 'url', 'size', 'sha256', 'sha1', 'language_code'])
        .where('ci_id', 'in', chunk)
        .orderBy('id')
        .execute()),
    );
  }
  const missing = ids.filter((id) => !updates.some((update) => update.ci_id === id));
  if (missing.length > 0)
    throw new SiteError(
      'not-found',
      `No software update has the CI ID ${missing.slice(0, 10).join(', ')}.`,
    );
  const held = new Set<number>();
  if (packageId !== null)
    for (const row of await db
      .selectFrom('deployment_package_content')
      .select('content_file_id')
      .where('package_id', '=', packageId)
      .execute())
      held.add(row.content_file_id);
  return updates
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((update) => {
      const wanted = files
        .filter(
          (file) =>
            file.ci_id === update.ci_id &&
            isFileWanted(file.language_code, languages, offeredCodes),
        )
        .map((file) => ({
          contentFileId: file.id,
          fileName: file.file_name,
          url: file.url,
          size: Number(file.size),
          sha256: file.sha256.toLowerCase(),
          sha1: file.sha1.toLowerCase(),
        }));
      return {
        ciId: update.ci_id,
        updateId: update.update_id,
        title: update.title,
        isMetadataOnly: update.is_metadata_only === 1,
        files: wanted,
        heldFileIds: new Set(
          wanted.filter((file) => held.has(file.contentFileId)).map((f) => f.contentFileId),
        ),
      };
    });
}

/** The Summary page's figures: what would be fetched, and what the site library already has. */
export async function previewDownload(
  db: Kysely<SiteSchema>,
  plan: PlannedUpdate[],
  siteLibraryId: number,
): Promise<DownloadPreview> {
  const needed = plan.flatMap((update) =>
    update.files.filter((file) => !update.heldFileIds.has(file.contentFileId)),
  );
  const hashes = [...new Set(needed.map((file) => file.sha256).filter(Boolean))];
  const inLibrary = new Set<string>();
  for (let start = 0; start < hashes.length; start += 500)
    for (const row of await db
      .selectFrom('content_library_item')
      .select('sha256')
      .where('distribution_point_id', '=', siteLibraryId)
      .where('sha256', 'in', hashes.slice(start, start + 500))
      .execute())
      inLibrary.add(row.sha256);
  return {
    updates: plan.length,
    metadataOnly: plan.filter((update) => update.isMetadataOnly).length,
    alreadyInPackage: plan.filter(
      (update) =>
        update.files.length > 0 &&
        update.files.every((file) => update.heldFileIds.has(file.contentFileId)),
    ).length,
    files: needed.length,
    bytes: needed.reduce((sum, file) => sum + Math.max(0, file.size), 0),
    filesAlreadyInLibrary: needed.filter((file) => inLibrary.has(file.sha256)).length,
  };
}
