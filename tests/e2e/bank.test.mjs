// The question bank in the browser (issue 5: F8, F11): the administrator opens 题库管理 from the
// admin page, sees the supply per knowledge area against the blueprint, filters the drafts, edits
// one and marks it reviewed; an import with a bad item is refused as a whole with the problem
// listed; a station user reads the bank but is offered no import and no editing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, BASE_URL } from './lib/harness.mjs';

test('the administrator manages the bank; a bad import changes nothing; a station only reads', async () => {
  const browser = await launch();
  try {
    const page = await login(browser, 'admin', '13990000001');
    await page.goto(BASE_URL + '/admin');
    await Promise.all([page.waitForURL('**/station/bank'), page.click('#bank-link')]);
    assert.equal(await page.locator('#supply tbody tr').count(), 7, 'seven knowledge areas');
    assert.equal(await page.locator('#supply-short').count(), 0, 'the demo bank fills the blueprint');
    const total = Number(await page.textContent('#bank-total'));
    assert.ok(total >= 120, 'the shipped bank is in the database: ' + total);

    // The drafts only, then the first one.
    await page.selectOption('#filters select[name=status]', 'draft');
    await Promise.all([page.waitForURL('**/station/bank?**'), page.click('#filters button[type=submit]')]);
    const drafts = page.locator('#items tbody tr[data-status=draft]');
    assert.ok((await drafts.count()) >= 1);
    assert.equal(await page.locator('#items tbody tr[data-status=reviewed]').count(), 0);
    await Promise.all([page.waitForURL('**/station/bank/items/**'), drafts.first().locator('a').click()]);
    const itemUrl = page.url();
    assert.equal(await page.getAttribute('#item-status', 'data-status'), 'draft');

    // Edit in place (no paper uses a draft), then review it.
    const stem = (await page.inputValue('#stem')) + '（浏览器修订）';
    await page.fill('#stem', stem);
    await Promise.all([page.waitForURL('**?done=saved'), page.click('#save')]);
    assert.match(await page.textContent('#flash'), /已保存/);
    assert.equal((await page.textContent('#item-stem')).trim(), stem);
    await page.selectOption('#status-form select[name=status]', 'reviewed');
    await Promise.all([page.waitForURL('**?done=status'), page.click('#status-form button[type=submit]')]);
    assert.equal(await page.getAttribute('#item-status', 'data-status'), 'reviewed');

    // A bad item in an import: nothing is imported, the problem is listed.
    await page.goto(BASE_URL + '/station/bank');
    const before = await page.textContent('#bank-total');
    const bad = JSON.stringify({ id: 'upload', title: '导入', items: [
      { id: 'SC-E2E-001', version: 1, kind: 'single_choice', area: 'first_aid', difficulty: 2, status: 'draft',
        stem: '成人胸外按压的深度是多少？', options: ['2-3 厘米', '3-4 厘米', '5-6 厘米', '7-8 厘米'], answer: 'C' },
      { id: 'SC-E2E-002', version: 1, kind: 'single_choice', area: 'first_aid', difficulty: 2, status: 'draft',
        stem: '成人胸外按压的频率是多少？', options: ['60-80', '80-100', '100-120', '120-140'], answer: 'E' },
    ] });
    await page.setInputFiles('#file', { name: 'bank.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await Promise.all([page.waitForLoadState('load'), page.click('#import-form button[type=submit]')]);
    await page.waitForSelector('#import-errors');
    assert.match(await page.textContent('#import-errors'), /items\[1\]/);
    assert.equal(await page.textContent('#bank-total'), before, 'nothing was imported');

    // A station user reads the bank only.
    const station = await login(browser, 'station', '13990000002');
    await station.goto(BASE_URL + '/station');
    await Promise.all([station.waitForURL('**/station/bank'), station.click('#bank-link')]);
    assert.equal(await station.locator('#import-form').count(), 0);
    await station.goto(itemUrl);
    assert.equal(await station.locator('#item-form').count(), 0);
    const refused = await station.request.post(itemUrl + '/status', { form: { status: 'retired' } });
    assert.equal(refused.status(), 403);
  } finally {
    await browser.close();
  }
});
