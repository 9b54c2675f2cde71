import { zipLab } from '../../lib/labs/zip';
import type { LabFiles } from '../../lib/labs/tree';

/** "Download": saves the learner's whole project (their files as they are now) as `<lab id>.zip`. */
export function downloadZip(id: string, files: LabFiles): void {
	const blob = new Blob([zipLab(id, files) as BlobPart], { type: 'application/zip' });
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = `${id}.zip`;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// Give the browser time to start the download before the URL goes away.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
