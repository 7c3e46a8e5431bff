/**
 * Hands a file the site wrote (base64 bytes) to the browser's download, or Electron's download
 * handler in the desktop console, which shows its Save dialog. Binary formats (XLSX, PDF) cannot
 * go through the console's text `saveFile`.
 */
export function saveBase64File(fileName: string, contentBase64: string, mimeType: string): void {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download holds its own reference by now; release ours a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
