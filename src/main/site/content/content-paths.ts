import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SiteError } from '../../../shared/errors';

/**
 * Every path that comes from input or from the catalog passes through here before a file is
 * written. A catalog file name is a bare name (no folder, no "..", no drive, no control
 * characters); a joined path must stay inside its folder.
 */
export function safeFileName(name: string): string {
  const isBare =
    name.length > 0 &&
    name.length <= 260 &&
    name !== '.' &&
    name !== '..' &&
    !/[/\\:]/.test(name) &&
    ![...name].some((char) => char.charCodeAt(0) < 32);
  if (!isBare)
    throw new SiteError(
      'refused',
      `The catalog names the file "${name.slice(0, 120)}", which would leave the package folder; it was refused.`,
    );
  return name;
}

/** `folder/...parts`, refused when the result is not inside `folder`. */
export function inside(folder: string, ...parts: string[]): string {
  const base = resolve(folder);
  const target = resolve(base, ...parts);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    throw new SiteError('refused', `The path ${target} is outside ${base}; it was refused.`);
  return target;
}

/** True when one folder is the other or holds it. */
export function overlaps(a: string, b: string): boolean {
  const x = resolve(a) + sep;
  const y = resolve(b) + sep;
  return x.startsWith(y) || y.startsWith(x);
}

/** An absolute path to a folder that exists; `field` names the input a refusal points at. */
export function checkFolder(path: string, what: string, field: string[]): string {
  const refuse = (message: string) => new SiteError('invalid-input', message, { path: field });
  if (!isAbsolute(path)) throw refuse(`The ${what} must be a full path, not "${path}".`);
  const folder = resolve(path);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw refuse(`The ${what} ${folder} does not exist; create the folder first.`);
  }
  if (!isFolder) throw refuse(`The ${what} ${folder} is a file, not a folder.`);
  return folder;
}

/**
 * A package source (spec §6.1) or a content library: an existing folder this process can write.
 * ConfigMgr wants a UNC share created beforehand; a mounted share is a folder here.
 */
export function checkWritableFolder(path: string, what: string, field: string[]): string {
  const folder = checkFolder(path, what, field);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new SiteError('invalid-input', `The site cannot write to the ${what} ${folder}.`, {
      path: field,
    });
  }
  return folder;
}

/** A content library folder: created when missing, then it must be writable. */
export function prepareLibraryFolder(path: string): string {
  if (!isAbsolute(path))
    throw new SiteError(
      'invalid-input',
      `The content library folder must be a full path, not "${path}".`,
    );
  try {
    mkdirSync(join(resolve(path), 'files'), { recursive: true });
  } catch (error) {
    throw new SiteError(
      'invalid-input',
      `The content library folder ${path} cannot be created: ${(error as Error).message}`,
    );
  }
  return checkWritableFolder(path, 'content library folder', ['libraryPath']);
}
