/**
 * Make one downloadable credential file: build the OB 3.0 credential, sign it, render the image or
 * PDF and bake the signed credential in. Pure: the key, the SVG→PNG rasterizer and the font come
 * in as `deps` (src/runtime/credentials/export.ts passes the browser ones; tests pass Node ones).
 *
 * Formats and what each file holds (OB 3.0 "Open Badges Document Formats"):
 * | format      | file                                  | credential inside                         |
 * | ----------- | ------------------------------------- | ----------------------------------------- |
 * | `svg`       | certificate, A4 landscape SVG         | signed (JWS in `<openbadges:credential verify>`) |
 * | `png`       | certificate PNG (2× by default)       | signed (JWS in the `openbadgecredential` iTXt chunk) |
 * | `pdf`       | certificate PDF                       | none (shows the certificate ID and QR code) |
 * | `badge-svg` | square badge SVG                      | signed, as `svg`                          |
 * | `badge-png` | square badge PNG                      | signed, as `png`                          |
 * | `jwt`       | `.jwt` text file: the compact JWS     | signed: OB 3.0 says a VC-JWT file holds the JWS, extension .jwt/.jws |
 * | `json`      | `.json`: the credential JSON          | unsigned (no embedded proof; readable by any JSON tool; verify says "not signed") |
 * The certificate images carry the credential too, so any file a learner shares can be checked
 * on the verify page.
 *
 * File names: `<achievement-slug>[-badge]-<first 8 hex of the certificate ID>.<ext>`, e.g.
 * `level-1-engineer-3f2a9c01.png`, `level-1-engineer-badge-3f2a9c01.svg`,
 * `level-1-engineer-credential-3f2a9c01.jwt`.
 */
import { bakePng } from './bake-png';
import { bakeSvg } from './bake-svg';
import { type CertificateView, renderBadgeSvg, renderCertificateSvg } from './certificate-svg';
import { type CredentialInput, type OpenBadgeCredential, buildCredential, shortCertificateId } from './ob3';
import { signCredential } from './sign';
import { SITE_ISSUER, VERIFY_PAGE_URL } from './site-issuer';

export type ExportFormat = 'svg' | 'png' | 'pdf' | 'badge-svg' | 'badge-png' | 'json' | 'jwt';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['svg', 'png', 'pdf', 'badge-svg', 'badge-png', 'json', 'jwt'];

/** What the page knows about an earned credential. The issuer is added here (site-issuer.ts + the learner's did:key). */
export interface ExportRequest extends Omit<CredentialInput, 'issuer'> {
	/** Program name shown on the certificate, e.g. "Engineering excellence". */
	programName: string;
}

export interface ExportDeps {
	/** The learner's Ed25519 private key (Web Crypto, may be non-extractable). */
	privateKey: CryptoKey;
	/** did:key of the matching public key. */
	did: string;
	/** SVG text → PNG bytes (the browser draws it on a canvas). Needed for `png` and `badge-png`. */
	rasterize?: (svg: string) => Promise<Uint8Array>;
	/** TrueType font for PDF text outside WinAnsi (certificate-pdf.ts). */
	fontBytes?: () => Promise<Uint8Array>;
}

export interface CredentialFile {
	filename: string;
	mime: string;
	bytes: Uint8Array;
	/** SHA-256 hex certificate ID (ob3.ts), shown next to the download. */
	certificateId: string;
	credential: OpenBadgeCredential;
}

/** The "what this proves" sentence printed on every certificate. */
export const CERTIFICATE_STATEMENT =
	'Self-issued: recorded by the learner’s own browser from their progress on this site and signed with a key made in that browser. The signature proves this credential was not changed after signing; it does not prove that anyone else vouches for it.';

/** Lowercase ASCII slug of a title for file names ("Level 1 Engineer" → "level-1-engineer"); "credential" when nothing is left. */
export function slug(text: string): string {
	const s = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return s || 'credential';
}

/** The view the certificate and badge renderers draw, from the built credential. */
export function certificateViewOf(request: ExportRequest, certificateId: string, credential: OpenBadgeCredential): CertificateView {
	return {
		learnerName: request.learner.name,
		title: request.achievement.name,
		programName: request.programName,
		kind: request.achievement.kind,
		issuedOn: credential.validFrom.slice(0, 10),
		...(credential.validUntil ? { expiresOn: credential.validUntil.slice(0, 10) } : {}),
		certificateId: { short: shortCertificateId(certificateId), full: certificateId },
		verifyUrl: `${VERIFY_PAGE_URL}#id=${certificateId}`,
		statement: CERTIFICATE_STATEMENT,
		...(request.achievement.source ? { seedSource: request.achievement.source } : {}),
	};
}

/**
 * Make the file for `format`. Rejects when signing fails (no Ed25519 in this browser), when a PNG
 * is asked for without `deps.rasterize`, or when the PDF needs a font and none can be loaded.
 */
export async function makeCredentialFile(format: ExportFormat, request: ExportRequest, deps: ExportDeps): Promise<CredentialFile> {
	const input: CredentialInput = {
		achievement: request.achievement,
		learner: request.learner,
		issuer: { id: deps.did, name: SITE_ISSUER.name, url: SITE_ISSUER.url, description: SITE_ISSUER.description },
		validFrom: request.validFrom,
		validUntil: request.validUntil,
		evidence: request.evidence,
		...(request.endorsementJwt?.length ? { endorsementJwt: request.endorsementJwt } : {}),
	};
	const { credential, certificateId } = await buildCredential(input);
	const base = slug(request.achievement.name);
	const tag = certificateId.slice(0, 8);
	const file = (suffix: string, ext: string, mime: string, bytes: Uint8Array): CredentialFile => ({
		filename: `${base}${suffix}-${tag}.${ext}`,
		mime,
		bytes,
		certificateId,
		credential,
	});
	const utf8 = (text: string) => new TextEncoder().encode(text);

	if (format === 'json') return file('-credential', 'json', 'application/json', utf8(`${JSON.stringify(credential, null, 2)}\n`));
	const jws = await signCredential(credential, deps.privateKey, deps.did);
	if (format === 'jwt') return file('-credential', 'jwt', 'text/plain', utf8(`${jws}\n`));

	const view = certificateViewOf(request, certificateId, credential);
	switch (format) {
		case 'pdf': {
			// pdf-lib is most of the export code (~170 KB gzip): load it only for a PDF.
			const { renderCertificatePdf } = await import('./certificate-pdf');
			return file('', 'pdf', 'application/pdf', await renderCertificatePdf(view, { fontBytes: deps.fontBytes }));
		}
		case 'svg':
			return file('', 'svg', 'image/svg+xml', utf8(bakeSvg(renderCertificateSvg(view), jws)));
		case 'badge-svg':
			return file('-badge', 'svg', 'image/svg+xml', utf8(bakeSvg(renderBadgeSvg(view), jws)));
		case 'png':
		case 'badge-png': {
			if (!deps.rasterize) throw new Error('Making a PNG needs a rasterizer (a browser canvas).');
			const svg = format === 'png' ? renderCertificateSvg(view) : renderBadgeSvg(view);
			return file(format === 'png' ? '' : '-badge', 'png', 'image/png', bakePng(await deps.rasterize(svg), jws));
		}
	}
}
