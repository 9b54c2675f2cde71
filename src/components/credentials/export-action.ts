/**
 * From an earned credential's status to a file: maps the rules' view (src/lib/credentials/rules.ts)
 * onto the export input (src/runtime/credentials/export.ts, loaded here on the first download, so
 * the page ships none of pdf-lib, jose or the QR encoder until then).
 */
import type { CertificationDef, CredentialStatus } from '../../lib/credentials/rules';

import { PROGRAMS, type ProgramId } from '../../lib/curriculum/taxonomy';
import type { ExportFormat } from '../../lib/credentials/files';

export type { ExportFormat };

export interface EarnedCredentialExport {
	def: CertificationDef;
	status: CredentialStatus;
	learnerName: string;
	/** Site root URL with a trailing slash (Astro's `site`). */
	site: string;
}

export interface ExportedFile {
	filename: string;
	mime: string;
	bytes: Uint8Array;
	certificateId: string;
	/** One sentence about the signing key, for the page. */
	keyNote: string;
}

/** Make the file for `format`. Throws with a learner-facing message when signing is impossible (e.g. IndexedDB blocked). */
export async function exportFor(format: ExportFormat, req: EarnedCredentialExport): Promise<ExportedFile> {
	const { exportCredential } = await import('../../runtime/credentials/export');
	const { def, status } = req;
	const file = await exportCredential(format, {
		achievement: {
			id: new URL(`credentials/#${def.id}`, req.site).href,
			kind: def.kind,
			name: def.name,
			description: def.description,
			criteriaNarrative: def.criteria,
			source: def.source[0],
		},
		learner: { name: req.learnerName },
		validFrom: status.earnedAt!,
		validUntil: status.expiresAt,
		evidence: status.evidence.map((e) => ({ id: e.href ? new URL(e.href, req.site).href : undefined, name: e.name, description: e.description })),
		programName: PROGRAMS[def.program as ProgramId].label,
		// The lead sign-offs that met its requirements travel with it (OB 3.0 endorsementJwt).
		endorsementJwt: status.endorsements,
	});
	const keyNote =
		format === 'json'
			? 'The JSON file is not signed; the certificate images, badge images and the .jwt file are.'
			: file.keyCreated
				? `A new signing key was made in this browser for this file: ${file.did}. If this browser's site data is cleared, the next download makes a new key; files signed before still verify, under their own key.`
				: `Signed with this browser's key ${file.did}.`;
	return { filename: file.filename, mime: file.mime, bytes: file.bytes, certificateId: file.certificateId, keyNote };
}
