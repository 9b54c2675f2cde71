/**
 * The download buttons of an earned credential, in page order: the format each makes
 * (src/lib/credentials/files.ts) and its label. My credentials renders them; the e2e suite and
 * the bench press them by these labels, so the three never drift apart.
 */
import type { ExportFormat } from '../../lib/credentials/files';

export const EXPORT_BUTTONS: readonly { format: ExportFormat; label: string }[] = [
	{ format: 'pdf', label: 'Certificate (PDF)' },
	{ format: 'png', label: 'Certificate (PNG)' },
	{ format: 'svg', label: 'Certificate (SVG)' },
	{ format: 'badge-png', label: 'Badge image (PNG)' },
	{ format: 'badge-svg', label: 'Badge image (SVG)' },
	{ format: 'jwt', label: 'Signed credential (JWT)' },
	{ format: 'json', label: 'Open Badges credential (JSON, unsigned)' },
];
