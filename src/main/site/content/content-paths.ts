import { accessSync, constants, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
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

const separators = process.platform === 'win32' ? /[\\/]+/ : /\/+/;

/**
 * `inside()` for a file about to be written: its folder must also really lie in `folder`, so a
 * symlinked update folder in a package source cannot send a download elsewhere. (The file itself
 * may be a link: a partial file pointing at a device is how a full disk is tested.)
 */
export function insideReally(folder: string, ...parts: string[]): string {
  const target = inside(folder, ...parts);
  const parent = dirname(target);
  if (!isWithin(parent, folder))
    throw new SiteError(
      'refused',
      `The folder ${parent} leads outside ${folder} (to ${realPath(parent)}); nothing was written there.`,
    );
  return target;
}

/**
 * Where a path really leads: the real path (symlinks and `..` followed as the file system does)
 * of its deepest existing ancestor, plus the part that does not exist yet. Every check on a
 * folder from input runs on this, so a symlink or `a/link/..` cannot reach a folder that is
 * refused when named directly.
 */
export function realPath(path: string): string {
  // Not join() or resolve(): they drop `x/..` as text, before the file system could follow x.
  const absolute = isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`;
  const root = parse(absolute).root;
  let current = realpathSync.native(root);
  let isMissing = false;
  // Segment by segment, as the file system walks it: `..` goes up from where the previous
  // segments really led (a symlink's target), not from the text before it.
  for (const segment of absolute.slice(root.length).split(separators)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      current = dirname(current);
      continue;
    }
    const next = join(current, segment);
    if (!isMissing) {
      try {
        current = realpathSync.native(next);
        continue;
      } catch {
        // From here on nothing exists, so nothing can be a symlink.
        isMissing = true;
      }
    }
    current = next;
  }
  return current;
}

/** True when one folder is the other or holds it, where they really are. */
export function overlaps(a: string, b: string): boolean {
  const x = withSeparator(realPath(a));
  const y = withSeparator(realPath(b));
  return x.startsWith(y) || y.startsWith(x);
}

/** True when `path` is `folder` or lies in it, where they really are. */
export function isWithin(path: string, folder: string): boolean {
  return withSeparator(realPath(path)).startsWith(withSeparator(realPath(folder)));
}

function withSeparator(path: string): string {
  const normal = process.platform === 'win32' ? path.toLowerCase() : path;
  return normal.endsWith(sep) ? normal : normal + sep;
}

/**
 * The operating system's own folders: no package source, download location or content library
 * may be one of them or lie in one (a site running as root would otherwise write into /etc).
 * Temporary and home folders are the admin's and stay allowed.
 */
const systemFolders =
  process.platform === 'win32'
    ? [
        process.env.SystemRoot ?? 'C:\\Windows',
        process.env.ProgramFiles ?? 'C:\\Program Files',
        process.env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)',
        process.env.ProgramData ?? 'C:\\ProgramData',
      ]
    : [
        '/bin',
        '/boot',
        '/dev',
        '/etc',
        '/lib',
        '/lib32',
        '/lib64',
        '/libx32',
        '/proc',
        '/run',
        '/sbin',
        '/sys',
        '/usr',
        '/System',
        '/Library',
        '/private/etc',
      ];

/**
 * Why a folder is refused as a system place, or null: it is, lies in, or holds (a drive's root
 * holds them all) a system folder.
 */
export function systemFolderProblem(folder: string): string | null {
  const system = systemFolders.find((each) => overlaps(each, folder));
  if (!system) return null;
  const real = realPath(folder);
  const systemReal = realPath(system);
  if (real === systemReal) return `is the system folder ${system}`;
  return isWithin(real, systemReal)
    ? `lies in the system folder ${system}`
    : `holds the system folder ${system}`;
}

/** How a refusal names a path: as typed, and where it really leads when that differs. */
export function shownPath(path: string): string {
  const real = realPath(path);
  return real === path ? path : `${path} (really ${real})`;
}

/** Refuses a system folder for input that will be written to or read from. */
export function refuseSystemFolder(path: string, what: string, field: string[]): void {
  const problem = systemFolderProblem(path);
  if (problem)
    throw new SiteError(
      'refused',
      `The ${what} ${shownPath(path)} ${problem}; choose a folder of your own.`,
      { path: field },
    );
}

/**
 * An absolute path to a folder that exists, returned as its real path; `field` names the input
 * a refusal points at.
 */
export function checkFolder(path: string, what: string, field: string[]): string {
  const refuse = (message: string) => new SiteError('invalid-input', message, { path: field });
  if (!isAbsolute(path)) throw refuse(`The ${what} must be a full path, not "${path}".`);
  const folder = realPath(path);
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
    mkdirSync(join(realPath(path), 'files'), { recursive: true });
  } catch (error) {
    throw new SiteError(
      'invalid-input',
      `The content library folder ${path} cannot be created: ${(error as Error).message}`,
    );
  }
  return checkWritableFolder(path, 'content library folder', ['libraryPath']);
}
