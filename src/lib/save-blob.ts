/**
 * Hands a Blob to the browser as a download named `fileName`, through a temporary object URL (so no
 * credentials or data ever travel in a link the user could share).
 */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  doc.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    // Revoked on the next task: the click has started the download by then.
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 0);
  }
}
