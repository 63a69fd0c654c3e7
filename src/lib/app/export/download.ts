/** How long an object URL stays valid after its download started, in milliseconds. */
const REVOKE_AFTER_MS = 10_000;

/**
 * Saves a blob as a file: a temporary `<a download>` pointing at an object URL is clicked, removed,
 * and the URL revoked shortly afterwards (once the browser has taken the download). Browser only.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	a.hidden = true;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
