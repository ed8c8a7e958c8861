// A candidate confirms their application in the browser: logs in (password, captcha, SMS code),
// uploads an ID photo, confirms the ID information, passes face verification with the camera
// (chromium's fake camera fed with another picture of the same person), completes the missing
// fields and agrees; then the station approves the application, and the candidate sees it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, demoLogin, BASE_URL } from './lib/harness.mjs';

test('candidate confirms with photo and face, station approves', async () => {
  const faces = process.env.RC_FACE_IMAGES;
  assert.ok(faces, 'RC_FACE_IMAGES unset: run-e2e needs rc_e2e_face_images and scripts/fetch-face-models');
  const browser = await launch([`--use-file-for-fake-video-capture=${faces}/capture.mjpeg`]);
  try {
    const username = demoLogin('已激活，待确认报名');
    const page = await login(browser, username);
    await page.goto(BASE_URL + '/me/confirm');
    const registration = await page.getAttribute('#progress', 'data-registration');
    assert.match(registration, /^\d+$/);
    const step = (name) => page.locator(`li[data-step="${name}"]`);

    // 1. Photo (with the separate consent to face processing).
    const photoForm = page.locator('form[action="/me/confirm/photo"]');
    await photoForm.locator('input[name=photo]').setInputFiles(faces + '/portrait.jpg');
    await photoForm.locator('input[name=face_consent]').check();
    await Promise.all([page.waitForURL(/done=photo/), photoForm.locator('button[type=submit]').click()]);
    assert.match(await step('photo').getAttribute('class'), /done/, await page.textContent('main'));

    // 2. ID information.
    await Promise.all([page.waitForURL(/done=id/), page.click('form[action="/me/confirm/id"] button[type=submit]')]);
    assert.match(await step('id').getAttribute('class'), /done/);

    // 3. Face: the camera opens, a snapshot is taken and compared with the photo.
    const faceForm = page.locator('#face-form');
    await faceForm.locator('[data-camera]').waitFor({ state: 'visible', timeout: 15000 });
    await page.waitForFunction(() => document.querySelector('#face-form video').readyState >= 2, null, { timeout: 15000 });
    await faceForm.locator('[data-snap]').click();
    await faceForm.locator('[data-preview]').waitFor({ state: 'visible' });
    await faceForm.locator('input[name=face_consent]').check();
    await Promise.all([page.waitForURL(/done=face/, { timeout: 60000 }), faceForm.locator('button[type=submit]').click()])
      .catch(async (e) => { throw new Error(e.message + '\n' + (await page.textContent('main'))); });
    assert.match(await step('face').textContent(), /✓/, 'face verification passed');

    // 4. Missing fields.
    await page.fill('#address', '四川省南充市顺庆区人民南路1号');
    await page.fill('#ec-name', '周小兰');
    await page.fill('#ec-phone', '13700009999');
    const healthy = page.locator('input[name=health_declared][value=yes]');
    if (await healthy.count()) await healthy.check();
    await Promise.all([page.waitForURL(/done=fields/), page.click('form[action="/me/confirm/fields"] button[type=submit]')]);
    assert.match(await step('fields').getAttribute('class'), /done/, await page.textContent('main'));

    // 5. Agree and submit.
    const agree = page.locator('form[action="/me/confirm/agree"]');
    await agree.locator('input[name=declaration]').check();
    await agree.locator('input[name=face_consent]').check();
    await Promise.all([page.waitForURL(/done=agreed/), agree.locator('button[type=submit]').click()]);
    assert.ok(await page.isVisible('#submitted'), await page.textContent('main'));

    // The station sees it in the queue, marked as face-verified, and approves it.
    const station = await login(browser, 'station', '13990000002');
    await station.goto(BASE_URL + '/station');
    const row = station.locator(`#queue tr[data-registration="${registration}"]`);
    assert.match(await row.textContent(), /人脸核验通过/);
    await row.locator('a').click();
    await station.waitForURL(new RegExp(`/station/registrations/${registration}$`));
    await Promise.all([station.waitForURL(/done=approved/), station.click('#approve button[type=submit]')]);
    assert.equal(await station.locator(`#queue tr[data-registration="${registration}"]`).count(), 0);

    await page.goto(BASE_URL + '/me/confirm?registration=' + registration);
    assert.ok(await page.isVisible('#approved'), await page.textContent('main'));
  } finally {
    await browser.close();
  }
});
