/**
 * The site's description in every credential's issuer Profile.
 *
 * MAINTAINERS: change the site name, address and description here (and only here); every
 * certificate, badge and Open Badges 3.0 credential made after the change uses them. Keep `url`
 * equal to `site` in astro.config.mjs, since the verify URL on certificates is built from it.
 *
 * The issuer `id` is never set here: credentials are self-issued, so the issuer id is always the
 * learner's own did:key (src/lib/credentials/did-key.ts). The name and description therefore say
 * what the site is, and that the learner's browser made and signed the credential.
 */
export const SITE_ISSUER = {
	/** Shown as the issuer name, e.g. in wallets, and on certificates. */
	name: 'QMS Training (self-issued by the learner)',
	/** Absolute URL of the site (no trailing slash). */
	url: 'https://training.example.org',
	/** One sentence: who made this credential and what it proves. */
	description:
		'Self-issued: made and signed in the learner’s own browser by the QMS Training site with the learner’s own key. The signature proves the file was not changed after signing, not that anyone vouches for it.',
} as const;

/** Absolute URL of the site's verify page (the QR code on certificates opens it). */
export const VERIFY_PAGE_URL = `${SITE_ISSUER.url}/verify/`;
