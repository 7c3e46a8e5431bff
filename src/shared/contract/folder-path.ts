import { z } from 'zod';

/**
 * A folder an admin types (package source, download location, content library). Control
 * characters are refused here, before the site looks at the disk: a NUL ends the path early in
 * the file system, and a line break would split the CMTrace line the path is logged on.
 */
export function folderPath(emptyMessage: string) {
  return z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(1000, 'at most 1,000 characters')
    .refine(
      (value) => ![...value].some(isControl),
      'a folder path cannot contain control characters or line breaks',
    );
}

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 32 || code === 0x7f || code === 0x85 || code === 0x2028 || code === 0x2029;
}
