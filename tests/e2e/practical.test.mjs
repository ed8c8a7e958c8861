// Three examiners (three browser contexts, F12, R7) score one candidate of the demo's practical
// room: the first one scans the ticket and the draw is shown; the others open the same ticket
// and see the same draw; each submits a full score sheet on the tablet page; once the third
// sheet is in, the combined total (median per item, one decimal, pass at 60 unrounded) is shown
// to the examiners with the divergence flag, and the same-day on-site retake is offered (R12b).
// Showing the result to the candidate after publication is tests/e2e/results.test.mjs's business.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, login, BASE_URL } from './lib/harness.mjs';

// The first practical ticket `rescuecert demo` printed ("技能考核：准考证 SJ...").
function demoTicket() {
  const text = readFileSync(process.env.RC_WORK + '/demo.txt', 'utf8');
  const m = text.match(/技能考核：准考证 ([0-9A-Z-]+)/);
  if (!m) throw new Error('no practical ticket in the demo report:\n' + text);
  return m[1];
}

async function openCandidate(page, ticket) {
  await page.goto(BASE_URL + '/examiner');
  await Promise.all([page.waitForURL(/\/examiner\/sittings\/\d+\/rooms\/\d+$/), page.click('#rooms a')]);
  await page.fill('#ticket', ticket);
  await Promise.all([page.waitForURL(/\/examiner\/draws\/\d+$/), page.click('#ticket-form button[type=submit]')]);
  return page.url();
}

async function drawnItems(page) {
  return (await page.locator('#draw .drawn-item').allTextContents()).map((t) => t.trim());
}

// Sets every checklist line to `fraction` of its points (to the half point the page allows).
async function scoreEveryLine(page, fraction) {
  const inputs = page.locator('#sheet input[type=number]');
  const n = await inputs.count();
  assert.ok(n >= 40, `the mandatory items alone have 31 lines; got ${n}`);
  for (let i = 0; i < n; i++) {
    const input = inputs.nth(i);
    const max = Number(await input.getAttribute('max'));
    await input.fill(String(Math.round(max * fraction * 2) / 2));
  }
  await Promise.all([page.waitForURL(/\/examiner\/draws\/\d+$/), page.click('#submit-sheet')]);
}

test('three examiners score one candidate: the draw is shown and the total is computed', async () => {
  const browser = await launch();
  try {
    const ticket = demoTicket();
    const first = await login(browser, 'examiner', '13990000004');
    const second = await login(browser, 'examiner2', '13990000024');
    const third = await login(browser, 'examiner3', '13990000025');

    const drawUrl = await openCandidate(first, ticket);
    const items = await drawnItems(first);
    assert.equal(items.length, 2, 'one item of each draw group (R7)');
    assert.ok(['救援绳索', '气道梗塞'].includes(items[0]), items[0]);
    assert.ok(['标识识别', '检伤分类'].includes(items[1]), items[1]);
    assert.match(await first.textContent('#draw-record'), /种子 \d+/);
    if (items[0] === '救援绳索') assert.match(await first.textContent('#draw'), /抽到的绳结：/);

    // The group's other examiners open the same ticket: the same recorded draw, never a new one.
    for (const page of [second, third]) {
      assert.equal(await openCandidate(page, ticket), drawUrl);
      assert.deepEqual(await drawnItems(page), items);
    }

    // The first examiner taps "满分" on every line; the second scores nothing; the third half.
    const full = first.locator('#sheet button.tap.full');
    for (let i = 0, n = await full.count(); i < n; i++) await full.nth(i).click();
    await Promise.all([first.waitForURL(drawUrl), first.click('#submit-sheet')]);
    assert.equal(await first.textContent('#submitted'), '1');
    await scoreEveryLine(second, 0);
    assert.equal(await second.textContent('#submitted'), '2');
    await scoreEveryLine(third, 0.5);

    // Median per item = the third examiner's half marks: 50.0 of 100, below 60: not passed.
    const total = (await third.textContent('#total')).trim();
    assert.match(total, /^\d{1,3}\.\d$/, 'shown with one decimal');
    const expected = Number(total);
    assert.ok(expected >= 49 && expected <= 51, `half of every line gives about 50, got ${total}`);
    assert.equal((await third.textContent('#verdict')).trim(), '不合格');
    assert.ok(await third.locator('#divergent').isVisible(), 'full and zero marks diverge beyond the threshold');
    assert.ok(await third.locator('#onsite-retake').isVisible(), 'a failed first attempt offers the on-site retake (R12b)');

    // Every examiner of the group sees the same total.
    await first.goto(drawUrl);
    assert.equal((await first.textContent('#total')).trim(), total);
    await second.goto(drawUrl);
    assert.equal((await second.textContent('#total')).trim(), total);
    assert.equal(await second.locator('#submit-sheet').count(), 0, 'a finished assessment takes no more sheets');
  } finally {
    await browser.close();
  }
});
