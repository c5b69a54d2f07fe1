/**
 * A live drill end to end in real headless Chromium (playwright-core, the system Chromium; test/helpers/tools.ts: required in CI): a facilitator and two participants, each in their own browser context, on a three-role drill of the leak
 * escalation scenario. Injects reach the right page only, participants log a plan step and a free-text action and
 * acknowledge, acting as another role is refused, the facilitator ends the drill and opens the report. Then a blind
 * drill: no page's DOM or source ever holds an unrevealed inject.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealEnvelope, sealScenario } from '../src/drill/blind.js';
import { readTextFile } from '../src/drill/scenario.js';
import { loadLiveInput, serveDrill, type ServedDrill } from '../src/live/serve.js';
import { CHROMIUM_ARGS } from '../src/render/browser.js';
import { requireChromium } from './helpers/tools.js';

const root = join(import.meta.dirname, '..');
const SCENARIO = join(root, 'scenarios/leak-escalation-iv-to-ii.yaml');
const ROLES = ['operator', 'duty-officer', 'commander'];
const exe = requireChromium();

let browser: Browser | undefined;
const served: ServedDrill[] = [];
const dirs: string[] = [];
beforeAll(async () => {
  if (exe) browser = await chromium.launch({ executablePath: exe, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  for (const s of served) await s.server.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Serves a drill at x100 on a wall clock the test moves (`advance`): injects come when the test says, never in a race. */
async function serve(file: string): Promise<ServedDrill & { advance(drillSeconds: number): Promise<void> }> {
  const out = mkdtempSync(join(tmpdir(), 'yuan-live-browser-'));
  dirs.push(out);
  let wall = 0;
  const s = await serveDrill(loadLiveInput(file).input!, { out, roles: ROLES, speed: 100, wall: () => wall });
  served.push(s);
  return { ...s, async advance(drillSeconds) { wall += (drillSeconds / 100) * 1000; await s.drill.tick(); } };
}

async function pageFor(url: string): Promise<Page> {
  const ctx = await browser!.newContext({ viewport: { width: 390, height: 844 } }); // a phone
  const page = await ctx.newPage();
  page.on('dialog', (d) => { void d.accept(); });
  await page.goto(url);
  return page;
}

describe.skipIf(!exe)('live drill in Chromium', () => {
  it('runs a three-role drill from the console and two participant pages to the report', async () => {
    const s = await serve(SCENARIO); // i2 at 6:00, i3 at 12:00 of drill time
    const msg = (id: string) => s.input.scenario.injects.find((i) => i.id === id)!.message;
    const fac = await pageFor(s.server.facilitatorUrl);
    const op = await pageFor(s.server.roleUrls.operator);
    const duty = await pageFor(s.server.roleUrls['duty-officer']);
    await fac.waitForSelector('#upcoming [data-upcoming="i1"]');
    await op.waitForSelector('#role:has-text("岗位操作工")');
    expect(await op.content()).not.toContain(msg('i1')); // nothing before the clock starts

    await fac.click('#start');
    await op.waitForSelector('[data-inject="i1"]');
    await duty.waitForSelector('[data-inject="i1"]');

    // Operator: a plan step from the list, then acknowledges the inject.
    await op.selectOption('#kind', 'step');
    await op.selectOption('#step', 'alarm');
    await op.fill('#text', '对讲机向中控室报警：2#储罐出口法兰泄漏');
    await op.click('#submit');
    await op.waitForSelector('#mine li:has-text("对讲机向中控室报警")');
    await op.click('[data-inject="i1"] button');
    await op.waitForSelector('[data-inject="i1"].acked');
    // Duty officer: is notified of the alarm step (the plan says so), and logs a free-text action.
    await duty.waitForSelector('#inbox :text("对讲机向中控室报警")');
    await duty.selectOption('#kind', 'step');
    await duty.fill('#text', '组织人员到门卫室引导消防车进厂');
    await duty.click('#submit');
    await duty.waitForSelector('#mine li:has-text("引导消防车")');

    // i2 goes to duty-officer and deputy: it shows on the duty officer's page, never on the operator's.
    await s.advance(370);
    expect(s.drill.now()).toBe(370);
    await duty.waitForSelector('[data-inject="i2"]');
    // Pages get events in order: once a later inject to both has arrived, the operator's page has had its chance at i2.
    await fac.evaluate(async () => { await fetch(`${location.pathname.replace('/f/', '/api/')}/inject`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: '同步标记', to: ['operator', 'duty-officer'] }) }); });
    await op.waitForSelector(':text("同步标记")');
    expect(await op.locator('[data-inject="i2"]').count()).toBe(0);
    expect(await op.content()).not.toContain(msg('i2'));
    for (const id of ['i3', 'i4', 'i5']) expect(await duty.content()).not.toContain(msg(id));

    // Acting as another role from the operator's page is refused.
    const forged = await op.evaluate(async () => (await fetch(`${location.pathname.replace('/p/', '/api/')}/action`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'note', role: 'commander', text: 'forged' }),
    })).status);
    expect(forged).toBe(403);

    // The facilitator sees the actions in the per-role timeline, ends the drill and opens the report.
    await fac.waitForSelector('[data-lane="operator"] li:has-text("alarm")');
    await fac.waitForSelector('[data-lane="duty-officer"] li:has-text("引导消防车")');
    await fac.click('#end');
    await fac.waitForSelector('#report:not([hidden])');
    const href = await fac.getAttribute('#report', 'href');
    const report = await fac.context().newPage();
    await report.goto(new URL(href!, s.server.url).href);
    const html = await report.content();
    expect(html).toContain('引导消防车');
    expect(html).toContain('alarm');
    await op.waitForSelector('#state:has-text("已结束")');
    expect(await op.isDisabled('#submit')).toBe(true);
  }, 60_000);

  it('never puts an unrevealed inject in any page of a blind drill', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-live-seal-'));
    dirs.push(dir);
    const src = readTextFile(SCENARIO);
    if ('diagnostic' in src) throw new Error('unreadable scenario');
    const envelope = join(dir, 'drill.sealed.json');
    writeFileSync(envelope, JSON.stringify(sealEnvelope(sealScenario(src.text), join(root, 'scenarios'))));
    const s = await serve(envelope);
    const fac = await pageFor(s.server.facilitatorUrl);
    const pages = await Promise.all(ROLES.map((r) => pageFor(s.server.roleUrls[r])));
    await fac.waitForSelector('#state:has-text("未开始")');
    expect(await fac.locator('#upcoming').count()).toBe(0);
    await fac.click('#start');
    await fac.waitForSelector('#state:has-text("进行中")');
    await s.advance(370); // past i2 (6:00), short of i3 (12:00)
    await pages[1].waitForSelector('[data-inject="i2"]'); // duty-officer
    const revealed = new Set(s.drill.events.filter((e) => e.type === 'inject').map((e) => (e as { inject: string }).inject));
    const hidden = s.input.scenario.injects.filter((i) => !revealed.has(i.id));
    expect(hidden.length).toBeGreaterThan(0);
    for (const p of [fac, ...pages]) {
      const dom = await p.content();
      const source = await (await p.request.get(p.url())).text();
      for (const i of hidden) {
        expect(dom).not.toContain(i.message);
        expect(source).not.toContain(i.message);
        expect(await p.locator(`[data-inject="${i.id}"], [data-upcoming="${i.id}"]`).count()).toBe(0);
      }
      expect(dom).not.toContain(s.input.scenario.title);
    }
  }, 60_000);
});
