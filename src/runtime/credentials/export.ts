/**
 * The one entry point the My credentials page calls (with a dynamic `import()`, so none of this,
 * pdf-lib, jose or the QR encoder is in the page's JS until a learner asks for a file):
 *
 *   const { exportCredential } = await import('../../runtime/credentials/export');
 *   const { filename, mime, bytes, keyCreated } = await exportCredential('png', request);
 *
 * It gets (or makes) the learner's signing key (keys.ts), then makes the file with
 * src/lib/credentials/files.ts (formats, file names and what each file holds are listed there),
 * rasterizing PNGs on a canvas (raster.ts) and fetching the PDF font only when needed (font.ts).
 * Every format, `json` included, uses the key's did:key as issuer id, so all files made for one
 * credential carry the same certificate ID; `json` is the only unsigned one.
 *
 * Rejects with SigningUnavailableError (a sentence to show as is) when signing is impossible in
 * this browser, or Error for a failed render.
 */
import { type CredentialFile, type ExportFormat, type ExportRequest, makeCredentialFile } from '../../lib/credentials/files';
import { dejavuSansBytes } from './font';
import { getOrCreateSigningKey } from './keys';
import { svgToPng } from './raster';

export type { CredentialFile, ExportFormat, ExportRequest };
export { SigningUnavailableError, peekSigningKey } from './keys';

/** A file ready for download, plus whether a new signing key was made for it (say so in the page). */
export interface ExportedFile extends CredentialFile {
	keyCreated: boolean;
	/** did:key of the signing key (the issuer id in the credential). */
	did: string;
}

export async function exportCredential(format: ExportFormat, request: ExportRequest): Promise<ExportedFile> {
	const key = await getOrCreateSigningKey();
	const file = await makeCredentialFile(format, request, {
		privateKey: key.privateKey,
		did: key.did,
		rasterize: (svg) => svgToPng(svg, 2),
		fontBytes: dejavuSansBytes,
	});
	return { ...file, keyCreated: key.created, did: key.did };
}
