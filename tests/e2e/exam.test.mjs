// A candidate takes the theory exam in the browser: logs in, starts the paper, answers (each
// click shows "已保存" only once the server acknowledged it), survives a network cut (the page
// retries until the save is acknowledged), reloads half-way (the answers and the server's
// remaining time come back), finishes and submits; the page then shows the exam as closed and
// no score (held until publication, R8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, demoLogin, BASE_URL } from './lib/harness.mjs';

const savedState = (page, q) => page.locator(`fieldset[data-question="${q}"] [data-save-state]`);

async function answer(page, q, choice) {
  await page.locator(`input[name="q${q}"][value="${choice}"]`).check();
  await assert.doesNotReject(savedState(page, q).filter({ hasText: '已保存' }).waitFor({ timeout: 10000 }));
}

function seconds(text) {
  const [m, s] = text.split(':').map(Number);
  return m * 60 + s;
}

test('candidate takes the exam, reloads half-way, and submits', async () => {
  const browser = await launch();
  try {
    const page = await login(browser, demoLogin('理论考试：可开始作答'));
    await page.goto(BASE_URL + '/me/exam');
    await Promise.all([page.waitForURL(/\/me\/exam\/\d+$/), page.click('#papers button[type=submit]')]);
    const attempt = await page.getAttribute('#exam', 'data-attempt');
    assert.match(attempt, /^\d+$/);
    const questions = await page.locator('fieldset[data-question]').count();
    assert.equal(questions, 100, 'the paper has 80 single-choice and 20 true/false questions');
    await page.locator('#exam-timer').filter({ hasText: /^\d+:\d\d$/ }).waitFor();
    const before = seconds(await page.textContent('#exam-timer'));
    assert.ok(before > 90 * 60 && before <= 100 * 60, `remaining ${before}s`);

    for (let q = 1; q <= 5; q++) await answer(page, q, q % 4);
    await answer(page, 2, 0);  // a change of mind: the higher sequence wins

    // A network cut: the save is retried until it is acknowledged.
    await page.context().setOffline(true);
    await page.locator('input[name="q6"][value="1"]').check();
    await savedState(page, 6).filter({ hasText: '重试' }).waitFor({ timeout: 10000 });
    await page.context().setOffline(false);
    await savedState(page, 6).filter({ hasText: '已保存' }).waitFor({ timeout: 15000 });

    // Reload half-way: every acknowledged answer and the server's remaining time come back.
    await page.reload();
    for (const [q, c] of [[1, 1], [2, 0], [3, 3], [4, 0], [5, 1], [6, 1]]) {
      assert.equal(await page.locator(`input[name="q${q}"][value="${c}"]`).isChecked(), true, `question ${q}`);
      assert.equal((await savedState(page, q).textContent()).trim(), '已保存');
    }
    await page.locator('#exam-timer').filter({ hasText: /^\d+:\d\d$/ }).waitFor();
    const after = seconds(await page.textContent('#exam-timer'));
    assert.ok(after <= before && after > before - 120, `remaining ${before}s then ${after}s`);
    assert.equal(await page.textContent('#answered-count'), '6');

    // Finish: the true/false section too, then submit.
    for (let q = 81; q <= 83; q++) await answer(page, q, q % 2);
    page.once('dialog', (d) => d.accept());
    await Promise.all([page.waitForNavigation(), page.click('#exam-submit')]);
    await page.locator('#exam-status').filter({ hasText: '已交卷' }).waitFor();
    assert.equal(await page.locator('#exam-submit').count(), 0);
    assert.equal(await page.locator('input[name="q1"]').first().isDisabled(), true);
    assert.doesNotMatch(await page.textContent('main'), /得分|成绩：\d/);
    const state = await page.evaluate(async (id) => (await fetch(`/api/v1/exam/attempts/${id}`)).json(), attempt);
    assert.equal(state.status, 'submitted');
    assert.equal(state.answers.length, 9);
    assert.equal(state.score, undefined);
  } finally {
    await browser.close();
  }
});
