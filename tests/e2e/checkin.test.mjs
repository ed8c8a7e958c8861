// The proctor's check-in at the theory exam room in the browser (F10, R6, D11): a seated demo
// candidate who has not been admitted cannot start the exam; the proctor logs in, opens the room
// from 今日监考, types the text of the candidate's ticket QR code into the scan box as a USB
// scanner does (a forged one is refused), sees the candidate card
// (name, masked ID number), is refused without a reason, admits with the manual check and a
// reason; the room list shows the candidate admitted, and the candidate can now start. Then the
// demo's late arrival (a sitting whose door closed five minutes before the demo was made) is refused at the door with the
// D11 message and shown as absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { launch, login, demoLogin, BASE_URL } from './lib/harness.mjs';

// The ticket number the demo printed in the note of a login, e.g. "（准考证号 ABC-1）".
function demoTicket(note) {
  const text = readFileSync(process.env.RC_WORK + '/demo.txt', 'utf8');
  const line = text.split('\n').find((l) => l.includes(note));
  assert.ok(line, 'no demo login noted ' + note);
  const m = line.match(/准考证号 ([0-9A-Z-]+)/);
  assert.ok(m, 'no ticket number in: ' + line);
  return m[1];
}

// The text of a ticket's QR code, as the admission ticket prints it (app/exam/ticket_qr.h):
// "RCT1:<ticket>:<16 hex of HMAC-SHA256>" under the key derived from this store's lookup key.
function ticketQrText(ticket) {
  const lookup = readFileSync(process.env.RC_WORK + '/var/keys/lookup.key');
  const key = createHmac('sha256', lookup).update('rescuecert/derived/ticket-qr/v1').digest();
  const text = 'RCT1:' + ticket;
  return text + ':' + createHmac('sha256', key).update(text).digest('hex').slice(0, 16);
}

async function tryToStart(page) {
  await page.goto(BASE_URL + '/me/exam');
  await Promise.all([page.waitForNavigation(), page.click('#papers button[type=submit]')]);
}

// Opens the room on the proctor's home page whose row contains `text` (or the first other room).
async function openRoom(page, pick) {
  await page.goto(BASE_URL + '/proctor');
  const rows = page.locator('#rooms tbody tr');
  const n = await rows.count();
  assert.ok(n >= 2, 'the demo proctor has the exam room and the late room today: ' + (await page.textContent('main')));
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    if (pick(await row.textContent())) {
      await Promise.all([page.waitForURL(/\/proctor\/sittings\/\d+\/rooms\/\d+$/), row.locator('a').click()]);
      return;
    }
  }
  throw new Error('no such room on ' + (await page.textContent('main')));
}

async function lookUp(page, ticket) {
  await page.fill('#scan-text', ticket);
  await Promise.all([page.waitForNavigation(), page.click('#scan-form button[type=submit]')]);
}

test('proctor checks a candidate in; only then can they start; a late candidate is refused', async () => {
  const browser = await launch();
  try {
    const waitingNote = '理论考试：待监考员入场核验';
    const candidateName = demoLogin(waitingNote);
    const ticket = demoTicket(waitingNote);

    // Not admitted yet: the exam cannot be started (R6).
    const candidate = await login(browser, candidateName);
    await tryToStart(candidate);
    assert.match(await candidate.textContent('main'), /尚未通过考场入场核验/);

    // The proctor opens the exam room and looks the candidate up by ticket number.
    const proctor = await login(browser, 'proctor', '13990000003');
    assert.match(proctor.url(), /\/proctor$/, 'the proctor lands on 今日监考');
    await openRoom(proctor, (text) => !text.includes('迟到演示'));
    const waitingBefore = Number(await proctor.textContent('#count-waiting'));
    assert.ok(waitingBefore >= 1);
    const qr = ticketQrText(ticket);
    await lookUp(proctor, qr.slice(0, -1) + (qr.endsWith('0') ? '1' : '0'));  // one character changed
    assert.match(await proctor.textContent('#problem'), /二维码无效/);
    await lookUp(proctor, qr);
    const card = proctor.locator('#candidate');
    assert.equal(await card.getAttribute('data-ticket'), ticket);
    assert.equal((await proctor.textContent('#candidate-status')).trim(), '待入场');
    assert.match(await proctor.textContent('#candidate-id-number'), /^\d{4}\*+\d{3}[\dX]$/);

    // The manual check needs a reason; the browser's own check is bypassed to see the server's.
    await proctor.$eval('#note', (el) => el.removeAttribute('required'));
    await Promise.all([proctor.waitForNavigation(), proctor.click('#manual-admit')]);
    assert.match(await proctor.textContent('#problem'), /必须填写核验说明/);
    await proctor.fill('#note', '已核对身份证原件，本人与准考证照片一致');
    await Promise.all([proctor.waitForURL(/done=manual/), proctor.click('#manual-admit')]);
    assert.match(await proctor.textContent('#flash'), /准予入场/);
    const row = proctor.locator(`#roster tr[data-ticket="${ticket}"]`);
    assert.equal(await row.getAttribute('data-status'), 'admitted');
    assert.equal(Number(await proctor.textContent('#count-waiting')), waitingBefore - 1);

    // Admitted: the candidate starts the exam.
    await tryToStart(candidate);
    assert.match(candidate.url(), /\/me\/exam\/\d+$/, await candidate.textContent('main'));
    await candidate.locator('#exam-timer').filter({ hasText: /^\d+:\d\d$/ }).waitFor();

    // The late arrival: the door closed 15 minutes after the start (D11).
    const lateTicket = demoTicket('理论考试：迟到');
    await openRoom(proctor, (text) => text.includes('迟到演示'));
    await lookUp(proctor, lateTicket.toLowerCase());  // typed by hand: the box upper-cases it
    assert.match(await proctor.textContent('#problem'), /开考 15 分钟后不得入场，按缺考处理（D11）/);
    assert.equal((await proctor.textContent('#candidate-status')).trim(), '缺考');
    assert.equal(await proctor.locator('#manual-admit').count(), 0, 'no admission is offered');
    await proctor.goto(proctor.url().replace(/\/lookup$/, ''));
    assert.equal(await proctor.locator(`#roster tr[data-ticket="${lateTicket}"]`).getAttribute('data-status'), 'absent');
    assert.equal(await proctor.textContent('#count-absent'), '1');
  } finally {
    await browser.close();
  }
});
