import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The HTML report of examples/ rendered by a real browser (Debian's chromium, installed by
 * .ci/run). UPDATE_SCREENSHOT=1 also refreshes docs/report.png from the plan with a freeze conflict.
 */
describe('html report in headless Chromium', () => {
  it('draws every plan timeline and dependency graph', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'rollgate-html-'));
    const report = path.join(dir, 'report.html');
    const r = cli(['check', 'examples/', '--now', '2026-12-01T09:00:00Z', '-f', `html=${report}`]);
    expect(r.code).toBe(1);
    const userData = path.join(dir, 'profile');
    const context = await chromium.launchPersistentContext(userData, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1100, height: 1400 } });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (req) => requests.push(req.url()));
      await page.goto(pathToFileURL(report).href);
      // Nothing but the file itself is loaded: the report is self-contained.
      expect(requests).toEqual([pathToFileURL(report).href]);

      const drawn = await page.evaluate(() => {
        const size = (el: Element) => {
          const b = (el as SVGGraphicsElement).getBoundingClientRect();
          return { w: b.width, h: b.height };
        };
        return {
          plans: document.querySelectorAll('section.plan').length,
          timelines: [...document.querySelectorAll('svg.timeline')].map((svg) => ({
            ...size(svg),
            bars: [...svg.querySelectorAll('rect.step')].filter((b) => size(b).w > 0 && size(b).h > 0).length,
            conflicts: svg.querySelectorAll('rect.conflict').length,
            freezes: svg.querySelectorAll('rect.window.deny').length,
            windows: svg.querySelectorAll('rect.window.allow').length,
            outside: svg.querySelectorAll('rect.conflict.outside').length,
          })),
          graphs: [...document.querySelectorAll('svg.graph')].map((svg) => ({
            ...size(svg),
            nodes: [...svg.querySelectorAll('g.node rect')].filter((b) => size(b).w > 0).length,
            changed: svg.querySelectorAll('g.node.changed').length,
            edges: svg.querySelectorAll('path.edge').length,
          })),
        };
      });
      expect(drawn.plans).toBe(7);
      expect(drawn.timelines).toHaveLength(7);
      expect(drawn.graphs).toHaveLength(7);
      for (const t of drawn.timelines) {
        expect(t.w).toBeGreaterThan(300);
        expect(t.h).toBeGreaterThan(60);
        expect(t.bars).toBeGreaterThan(0);
      }
      for (const g of drawn.graphs) {
        expect(g.w).toBeGreaterThan(100);
        expect(g.nodes).toBeGreaterThan(0);
        expect(g.changed).toBeGreaterThan(0);
      }
      // payments-holiday-release: the payments step in the year-end freeze is marked.
      // payments-holiday-release: the payments step in the year-end freeze is marked, and the
      // notifications step running past the weekly window's end is marked outside it.
      expect(drawn.timelines.some((t) => t.conflicts === 2 && t.freezes === 1 && t.outside === 1 && t.windows === 2)).toBe(true);
      // Weekly and RRULE allow windows are drawn: every plan of examples/ has one.
      for (const t of drawn.timelines) expect(t.windows).toBeGreaterThan(0);

      const shot = path.join(dir, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);
      if (process.env.UPDATE_SCREENSHOT === '1') {
        const section = page.locator('section.plan', { hasText: 'payments-holiday-release' });
        await page.setViewportSize({ width: 1100, height: 900 });
        await section.screenshot({ path: path.join(dir, 'plan.png') });
        copyFileSync(path.join(dir, 'plan.png'), path.resolve('docs/report.png'));
      }
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
