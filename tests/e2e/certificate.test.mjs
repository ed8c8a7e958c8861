// Certificates in the browser (issue 4, R11, F19): a demo holder logs in (password, captcha, SMS
// code), opens 用户中心 → 证书下载, sees the certificate information and downloads the electronic
// certificate: an OFD package (a zip starting with PK and holding OFD.xml). The public page then
// verifies it by number + name with the image captcha, showing the masked name and 有效; the QR
// target of a revoked demo certificate shows 已撤销.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, login, captchaAnswer, BASE_URL } from './lib/harness.mjs';

// "RC00000201 / Demo2026rc	持有效证书 YJJY..." in the demo's printed logins.
function demoCertificate(note) {
  const text = readFileSync(process.env.RC_WORK + '/demo.txt', 'utf8');
  const line = text.split('\n').find((l) => l.includes(note));
  if (!line) throw new Error('no demo login noted ' + note + ' in:\n' + text);
  return { username: line.match(/(RC\d{8})/)[1], number: line.match(/(YJJY\d+)/)[1] };
}

test('holder downloads the certificate, the public page verifies it, a revoked one shows revoked', async () => {
  const holder = demoCertificate('持有效证书');
  const revoked = demoCertificate('证书已撤销');
  const browser = await launch();
  try {
    // The first demo holder's phone (src/app/demo/seed_demo_certificates.cpp).
    const page = await login(browser, holder.username, '13988000001');
    assert.match(page.url(), /\/me$/);
    await Promise.all([page.waitForURL('**/me/certificates'), page.click('#certificates-link')]);
    const card = page.locator(`section.certificate[data-number="${holder.number}"]`);
    assert.equal(await card.count(), 1, 'the certificate is listed');
    assert.equal(await card.getAttribute('data-status'), 'valid');
    const name = (await card.locator('tr', { hasText: '姓名' }).locator('td').textContent()).trim();
    assert.ok(name.length >= 2);

    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('[data-role=download-ofd]').click()]);
    assert.equal(download.suggestedFilename(), holder.number + '.ofd');
    const bytes = readFileSync(await download.path());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an OFD package is a zip');
    assert.ok(bytes.includes(Buffer.from('OFD.xml')), 'the package holds OFD.xml');

    // Anyone: the public query by certificate number + name, with the image captcha.
    const publicPage = await (await browser.newContext()).newPage();
    await publicPage.goto(BASE_URL + '/verify');
    await publicPage.check('input[name=mode][value=number]');
    await publicPage.fill('#name', name);
    await publicPage.fill('#number', holder.number);
    const id = await publicPage.getAttribute('img[data-captcha-id]', 'data-captcha-id');
    await publicPage.fill('#captcha', captchaAnswer(id));
    await Promise.all([publicPage.waitForNavigation(), publicPage.click('form[action="/verify"] button[type=submit]')]);
    const result = publicPage.locator(`section.verify-result[data-number="${holder.number}"]`);
    assert.equal(await result.count(), 1, await publicPage.textContent('main'));
    assert.equal(await result.getAttribute('data-status'), 'valid');
    assert.equal((await result.locator('[data-role=status]').textContent()).trim(), '有效');
    const masked = (await result.locator('[data-role=name]').textContent()).trim();
    assert.notEqual(masked, name, 'the name is masked');
    assert.ok(masked.includes('*'));

    // The QR code's target for a revoked certificate.
    await publicPage.goto(BASE_URL + '/verify?no=' + revoked.number);
    assert.equal(await publicPage.getAttribute('#verify-status', 'data-status'), 'revoked');
    assert.equal((await publicPage.textContent('#verify-status [data-role=status]')).trim(), '已撤销');
  } finally {
    await browser.close();
  }
});
