import { defineConfig } from '@playwright/test';

/**
 * e2e against the built site served by `astro preview` (search only works on a build).
 * Chromium comes from Debian (`apt-get install chromium`); Playwright cannot download browsers here.
 * `PORT` (default 4321) picks the preview port, so several checkouts can run e2e side by side.
 */
const PORT = Number(process.env.PORT ?? 4321);
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: [['list']],
	timeout: 30_000,
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		acceptDownloads: true,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
			],
		},
	},
	webServer: {
		// --ignore-lock: Astro 7 allows one tracked preview per project; tests start their own.
		command: `npx astro preview --port ${PORT} --host 127.0.0.1 --ignore-lock`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
	},
});
