/**
 * Whether a content file is wanted for the languages an admin chose (Language Selection page).
 * Language-neutral files (no language) are always wanted. The catalog names file languages by
 * culture ("en-us", "pt-br") while the Languages tab offers WSUS's codes ("en", "pt-br"): a bare
 * language takes every culture of it, except cultures the tab offers on their own ("pt-br" is
 * not "pt", "zh-tw" is not "zh").
 */
export function isFileWanted(
  fileLanguage: string,
  chosen: readonly string[],
  offeredCodes: ReadonlySet<string>,
): boolean {
  const language = fileLanguage.trim().toLowerCase();
  if (language === '') return true;
  return chosen.some((code) => {
    const wanted = code.toLowerCase();
    if (wanted === language) return true;
    return (
      !wanted.includes('-') && language.startsWith(`${wanted}-`) && !offeredCodes.has(language)
    );
  });
}
