import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const js of [false, true]) {
const ctx = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: js });
const page = await ctx.newPage();
await page.goto('http://localhost:5103/stories/russia-ukraine-peace-talks?event=3#event-3');
await page.waitForTimeout(2000);
console.log(js, await page.evaluate(() => [...document.querySelectorAll('.wrap > *, .timeline-figure > *, .chronology > *, ol.events > li')].map(e => (e.className||e.tagName).toString().slice(0,30) + ':' + Math.round(e.getBoundingClientRect().height)).join(' | ')));
await ctx.close();
}
await browser.close();
