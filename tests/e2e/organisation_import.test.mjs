// An organisation logs in (password, captcha, SMS code), creates a batch, imports the
// 报名信息表 as .csv: a file with one bad row imports nothing and names the row and column; the
// corrected file imports every applicant, shown with masked ID numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { launch, login, residentId, BASE_URL } from './lib/harness.mjs';

test('organisation imports a spreadsheet of applicants', async () => {
  const browser = await launch();
  try {
    const page = await login(browser, 'org1', '13990000005');
    assert.match(page.url(), /\/org$/);

    await page.goto(BASE_URL + '/org/batches/new');
    await page.fill('#title', '浏览器测试批次');
    await Promise.all([page.waitForURL(/\/org\/batches\/\d+/), page.click('form[action="/org/batches"] button[type=submit]')]);
    const batchUrl = page.url().split('?')[0];

    const header = '序号,姓名,证件类型,证件号码,性别,手机号码,申报等级,健康声明,工作单位\n';
    const good = [
      `1,周子航,居民身份证,${residentId('511302', '1991-04-12', 123)},男,13700000001,五级,是,南充消防协会`,
      `2,钟晓雯,居民身份证,${residentId('511303', '1995-09-30', 246)},女,13700000002,五级,是,南充红十字会`,
    ];
    const bad = `3,何立,居民身份证,511302199003071230,男,13700000003,五级,是,南充某公司`;  // wrong check digit
    const badFile = process.env.RC_WORK + '/bad.csv';
    writeFileSync(badFile, header + [...good, bad].join('\n') + '\n');
    await page.setInputFiles('input[name=sheet]', badFile);
    await page.click('form[action$="/import"] button[type=submit]');
    await page.waitForSelector('#import-errors li', { timeout: 10000 }).catch(async (e) => {
      throw new Error(e.message + '\n' + (await page.textContent('main')));
    });
    const error = await page.textContent('#import-errors li');
    assert.match(error, /第 4 行/);
    assert.match(error, /证件号码/);
    assert.equal(await page.locator('#applicants tbody tr', { hasText: '周子航' }).count(), 0, 'nothing imported');

    const goodFile = process.env.RC_WORK + '/good.csv';
    writeFileSync(goodFile, header + good.join('\n') + '\n');
    await page.goto(batchUrl);
    await page.setInputFiles('input[name=sheet]', goodFile);
    await Promise.all([page.waitForURL(/done=imported/), page.click('form[action$="/import"] button[type=submit]')]);
    const rows = await page.locator('#applicants tbody tr').allTextContents();
    assert.equal(rows.length, 2);
    assert.ok(rows.some((r) => r.includes('周子航') && r.includes('5113**********')), rows.join(' | '));
    assert.ok(!rows.join('').includes('19910412'), 'ID numbers are masked');
  } finally {
    await browser.close();
  }
});
