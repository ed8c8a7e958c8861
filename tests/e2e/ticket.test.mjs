// Admission tickets and seat plans in the browser (F6, F7): a seated demo candidate opens 准考证
// from the user centre (masked ID number, room, seat, 新考, the D11 rule, the QR code) and
// downloads the PDF; the station opens the demo's planned sitting from its home page, seats a
// candidate who may still sit the theory (R12) and sees the seat in the seat plan with a ticket
// number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, demoLogin, BASE_URL } from './lib/harness.mjs';

test('a seated candidate sees and downloads the admission ticket', async () => {
  const browser = await launch();
  try {
    const page = await login(browser, demoLogin('理论考试：可开始作答'));
    await page.goto(BASE_URL + '/me');
    await Promise.all([page.waitForURL('**/me/ticket'), page.click('#ticket-link')]);
    const ticket = page.locator('article.ticket');
    assert.equal(await ticket.count(), 1);
    assert.match(await ticket.getAttribute('data-ticket'), /^\d{15}$/);
    assert.match(await page.textContent('.id-number'), /\*{4,}/, 'the ID number is masked');
    assert.equal((await page.textContent('.room')).trim(), '第一考场');
    assert.match(await page.textContent('.subjects'), /理论知识考试\s*新考/);
    assert.match(await page.textContent('.rules'), /15 分钟后不得入场/);
    assert.equal(await page.locator('svg.ticket-qr path').count(), 1);
    const pdf = await page.request.get(BASE_URL + '/me/ticket.pdf');
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  } finally {
    await browser.close();
  }
});

test('the station seats a candidate at the planned sitting', async () => {
  const browser = await launch();
  try {
    const page = await login(browser, 'station', '13990000002');
    await page.goto(BASE_URL + '/station');
    await Promise.all([page.waitForURL('**/station/sittings'), page.click('#sittings-link')]);
    const planned = page.locator('#sittings tbody tr', { hasText: '计划中' }).first();
    assert.match(await planned.textContent(), /0 \/ 70/, 'the demo plans a sitting with 70 seats and nobody seated');
    await Promise.all([page.waitForURL(/\/station\/sittings\/\d+$/), planned.locator('a').click()]);
    const row = page.locator('#eligible tbody tr', { hasText: '理论（新考）' }).first();
    const registration = await row.getAttribute('data-registration');
    await row.locator('input[type=checkbox]').check();
    await Promise.all([page.waitForURL(/\?done=assigned$/), page.click('#assign-form button[type=submit]')]);
    const seat = page.locator(`#seat-plan tr[data-registration="${registration}"]`);
    assert.equal(await seat.count(), 1);
    assert.match(await seat.locator('.ticket-no').textContent(), /^\d{15}$/);
    assert.equal((await seat.locator('td').nth(0).textContent()).trim(), '第一考场');
    assert.equal((await seat.locator('td').nth(1).textContent()).trim(), '1');
    assert.equal((await page.textContent('#seated')).trim(), '1');
  } finally {
    await browser.close();
  }
});
