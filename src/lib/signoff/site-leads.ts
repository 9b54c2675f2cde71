/**
 * The leads this site publishes (issue 9): whose sign-offs count, and whom the verify page names
 * as "a lead of this site". Validated by src/schemas/signoff-leads.ts when the pages load it
 * (src/lib/signoff/leads.ts); a bad entry fails the build (src/components/signoff/SiteLeads.astro).
 *
 * MAINTAINERS: a lead opens the Team page (/team/), makes their signing key there ("Your signing
 * key"), and sends you its public key: the did:key text or the JWK. Add one entry per lead:
 *
 *   { name: 'Ana Costa', role: 'Engineering lead', publicKey: 'did:key:z6Mk…' },
 *   { name: 'Ben Okafor', role: 'Release manager', publicKey: { kty: 'OKP', crv: 'Ed25519', x: '…' } },
 *
 * Public keys only: a private key never leaves the lead's browser and never belongs here (a JWK
 * with a `d` is refused). If a lead loses their browser data, their key is gone: publish the new
 * one and remove the old one (sign-offs made with a removed key then count as unknown keys).
 *
 * `acceptUnknownKeys`: false (the default) counts sign-offs by published leads only; true also
 * counts sign-offs by any other key, shown as "signed off by an unknown key did:key:…". Keep it
 * false unless the site has no way to publish its leads, since anyone can make a key.
 *
 * The list ships empty: this site's maintainers have not published any lead yet.
 */
import type { LeadsConfig } from '../../schemas/signoff-leads';

export const SITE_LEADS: LeadsConfig = {
	leads: [],
	acceptUnknownKeys: false,
};
