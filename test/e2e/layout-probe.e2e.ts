import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './harness/browser.ts';
import { horizontalOverflow, sidewaysTables, unreachableControls } from './harness/layout-probe.ts';

// The every-route test is only as good as its probe: it must see each kind of failure it names.
describe.skipIf(!hasChromium())('the layout probe of the every-route test', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium()));
  afterAll(() => browser.close());

  it('sees a wide document, an off-screen panel and a covered button, and passes a good page', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.setContent(`<!doctype html><html><head><style>
      body { margin: 0 }
      .wide { width: 600px; height: 10px }
      .panel { position: fixed; left: 400px; top: 0; width: 300px }
      .header { position: fixed; top: 0; left: 0; right: 0; height: 2000px; z-index: 2 }
      .under { position: relative; z-index: 1 }
      .scroller { overflow-x: auto; width: 200px } .scroller div { width: 900px }
      .hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0) }
    </style></head><body>
      <div class="wide"></div>
      <aside class="panel"><button>Off-screen</button></aside>
      <button class="under">Covered</button>
      <div class="header"></div>
    </body></html>`);
    expect(await horizontalOverflow(page)).toBe(210);
    const found = await unreachableControls(page);
    expect(found.map((f) => [f.why, f.control])).toEqual([
      ['outside the viewport', 'button "Off-screen"'],
      ['covered', 'button.under "Covered"'],
    ]);
    expect(found[1]?.by).toBe('div.header ""');

    await page.setContent(`<!doctype html><html><head><style>
      body { margin: 0 }
      .scroller { overflow-x: auto; width: 200px } .scroller div { width: 900px; text-align: right }
      .hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0) }
      .far { margin-top: 3000px }
    </style></head><body>
      <div class="scroller"><div><button>Scrolled to</button></div></div>
      <a class="hidden" href="#main">Skip</a>
      <button class="far">Below the fold</button>
    </body></html>`);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await unreachableControls(page)).toEqual([]);
    await page.close();
  });

  it('sees a table that scrolls sideways inside itself or its frame, and passes cards and hidden tables', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const row = '<tr><td>a long cell that does not wrap</td><td>another long cell</td></tr>';
    await page.setContent(`<!doctype html><html><head><style>
      body { margin: 0 } td { white-space: nowrap; padding: 0 40px }
      .frame { overflow-x: auto } .self { display: block; overflow-x: auto }
      .cards, .cards tr, .cards td { display: block }
      .hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0) }
    </style></head><body>
      <div class="frame"><table>${row}</table></div>
      <table class="self">${row}</table>
      <div class="frame"><table class="cards">${row}</table></div>
      <div class="visually-hidden hidden"><div class="frame"><table>${row}</table></div></div>
    </body></html>`);
    expect(await horizontalOverflow(page)).toBe(0);
    const found = await sidewaysTables(page);
    expect(found.map((f) => f.replace(/ \(.*/, ''))).toEqual(['div.frame', 'table.self']);
    await page.close();
  });
});
