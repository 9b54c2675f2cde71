/**
 * The site's trust config for sign-offs, read from the JSON SiteLeads.astro embeds inside `root`.
 * An unreadable config trusts no lead (every signer is then an unknown key and none counts).
 */
import { NO_TRUST, loadLeadsConfig, type TrustConfig } from '../../lib/signoff/leads';

export function trustIn(root: Element): TrustConfig {
	const text = root.querySelector('script[data-site-leads]')?.textContent;
	if (!text) return NO_TRUST;
	try {
		const r = loadLeadsConfig(JSON.parse(text));
		return r.ok ? r.config : NO_TRUST;
	} catch {
		return NO_TRUST;
	}
}
