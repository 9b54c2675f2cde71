import { chromium } from '@playwright/test';
const path = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const variants = {
  none: '/* */',
  nosidebar: '.sidebar-pane { display: none !important }',
  noec: '.expressive-code { display: none !important }',
  nochecklist: 'qms-checklist { display: none !important }',
  nomain: '.main-frame .sl-markdown-content { display: none !important }',
  notoc: 'starlight-toc, mobile-starlight-toc, .right-sidebar-container { display: none !important }',
  noheader: 'header.header { display: none !important }',
};
for (const [name, css] of Object.entries(variants)) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await ctx.newPage();
  await page.goto('http://127.0.0.1:4413' + path);
  await page.addStyleTag({ content: css });
  await page.waitForTimeout(500);
  const ms = await page.evaluate(() => {
    const t = [];
    for (let i = 0; i < 30; i++) { const s = performance.now(); document.documentElement.style.fontSize = i % 2 ? '100.1%' : '100%'; void document.body.offsetHeight; t.push(performance.now() - s); }
    t.sort((a, b) => a - b); return [t[15], document.getElementsByTagName('*').length];
  });
  console.log(name.padEnd(14), ms[0].toFixed(2), 'ms median restyle+relayout;', ms[1], 'elements');
  await ctx.close();
}
await browser.close();
