import type { ListExportResult } from '../../shared/contract';

/**
 * Hands a text file to the browser's download (the browser console) or Electron's download
 * handler (the desktop console, which shows its Save dialog).
 */
export function saveTextFile(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; release ours a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The browser console downloads an export from the `patchbay serve` that wrote it; the link is
 * good for one download.
 */
export function downloadExport(file: ListExportResult): void {
  const link = document.createElement('a');
  link.href = file.downloadPath;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
