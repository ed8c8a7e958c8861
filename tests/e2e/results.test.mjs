// Results publication in the browser (issue 6: F13, R8, D17), with the server's testing clock
// (serve --testing --testing-clock-file, moved through $RC_CLOCK_FILE): a demo candidate with
// marked theory and practical results from a sitting 3 days ago sees no score before publication
// day (page and API) and sees them after the clock moves past day 15; the station sees the
// sitting as 未公布, then 已公布.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { launch, login, demoLogin, BASE_URL } from './lib/harness.mjs';

const DAY = 86400;

// The China date (Asia/Shanghai, UTC+8, D17) `days` from now.
function chinaDate(days) {
  return new Date(Date.now() + 8 * 3600 * 1000 + days * DAY * 1000).toISOString().slice(0, 10);
}

async function moveClock(seconds) {
  writeFileSync(process.env.RC_CLOCK_FILE, String(seconds));
  await new Promise((r) => setTimeout(r, 400));  // the server re-reads the file every 100 ms
}

async function resultRows(page) {
  await page.goto(BASE_URL + '/me/results');
  return page.locator('#results tbody tr');
}

async function sittingRow(page, heldOn) {
  await page.goto(BASE_URL + '/station/results');
  return page.locator('#sittings tbody tr', { hasText: heldOn });
}

test('a result is invisible before publication day and visible after; the station sees 未公布 then 已公布', async () => {
  const candidate = demoLogin('成绩：待公布，两科合格');
  const heldOn = chinaDate(-3);
  const browser = await launch();
  try {
    await moveClock(0);
    // The demo candidate's phone (src/app/demo/seed_demo_results.cpp).
    let page = await login(browser, candidate, '13987000001');
    let rows = await resultRows(page);
    assert.equal(await rows.count(), 2, 'theory and practical are listed');
    for (let i = 0; i < 2; i++) {
      assert.equal(await rows.nth(i).getAttribute('data-published'), 'false');
      assert.equal((await rows.nth(i).locator('[data-role=score]').textContent()).trim(), '—');
      assert.match(await rows.nth(i).locator('[data-role=state]').textContent(), /未公布/);
    }
    const body = await page.textContent('main');
    assert.ok(!body.includes('72.5') && !body.includes('81.2'), 'no score leaks');
    for (let i = 0; i < 2; i++) assert.equal((await rows.nth(i).locator('[data-role=outcome]').textContent()).trim(), '—');
    // Asked directly, the API refuses (R8).
    const attempt = await rows.first().getAttribute('data-attempt');
    const api = await page.request.get(BASE_URL + '/api/v1/me/results/' + attempt);
    assert.equal(api.status(), 422);
    assert.equal((await api.json()).error.code, 'results.not_published');
    const list = await (await page.request.get(BASE_URL + '/api/v1/me/results')).json();
    assert.ok(list.results.every((r) => r.published === false && r.score === undefined));
    // The rights page does not tell the result either.
    await page.goto(BASE_URL + '/me/rights');
    assert.equal(await page.locator('#rights-held').count(), 1);

    const station = await login(browser, 'station', '13990000002');
    let sitting = await sittingRow(station, heldOn);
    assert.equal(await sitting.count(), 1, await station.textContent('main'));
    assert.equal((await sitting.locator('[data-role=state]').textContent()).trim(), '未公布');
    assert.equal(await sitting.getAttribute('data-state'), 'scheduled');

    // Day 15 after the exam has begun (publication at 00:00 China time): 13 days on is day 16.
    await moveClock(13 * DAY);
    page = await login(browser, candidate, '13987000001');
    rows = await resultRows(page);
    assert.equal(await rows.count(), 2);
    const seen = {};
    for (let i = 0; i < 2; i++) {
      const row = rows.nth(i);
      assert.equal(await row.getAttribute('data-published'), 'true');
      seen[await row.getAttribute('data-subject')] = [
        (await row.locator('[data-role=score]').textContent()).trim(),
        (await row.locator('[data-role=outcome]').textContent()).trim(),
      ];
    }
    assert.deepEqual(seen, { theory: ['72.5', '合格'], practical: ['81.2', '合格'] });
    const published = await page.request.get(BASE_URL + '/api/v1/me/results/' + attempt);
    assert.equal(published.status(), 200);

    const station2 = await login(browser, 'station', '13990000002');
    sitting = await sittingRow(station2, heldOn);
    assert.equal((await sitting.locator('[data-role=state]').textContent()).trim(), '已公布');
  } finally {
    await moveClock(0);
    await browser.close();
  }
});
