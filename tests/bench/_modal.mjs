import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
p.on('console', (m) => console.log('console:', m.text()));
p.on('pageerror', (e) => console.log('pageerror:', e.message));
await p.goto('http://127.0.0.1:4335/');
await p.locator('#starlight__search input').waitFor({ state: 'attached' });
await p.keyboard.press('Control+k');
const input = p.getByRole('dialog').getByRole('textbox');
for (const q of JSON.parse(process.argv[2])) {
  await input.fill(q);
  await p.waitForTimeout(1500);
  console.log(q, '=>', await p.locator('.pagefind-ui__message').textContent(), '|', await p.locator('.qms-search-note').evaluate(e => e.hidden ? '(hidden)' : e.textContent), '|', (await p.locator('.pagefind-ui__result-link').evaluateAll(as => as.slice(0,3).map(a => a.getAttribute('href')))).join(' '));
}
await b.close();
