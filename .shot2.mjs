import { chromium } from 'playwright-core';
const [,, file, prefix] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage({ viewport: { width: 820, height: 1100 }, deviceScaleFactor: 1.5 });
await p.goto('file://' + file);
for (const id of ['summary', 'timeline', 'steps', 'gaps', 'improvement']) {
  const el = await p.$('#' + id); if (el) await el.screenshot({ path: `${prefix}-${id}.png` });
}
const hdr = await p.$('header'); await hdr.screenshot({ path: `${prefix}-header.png` });
await b.close();
