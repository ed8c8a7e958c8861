// Shared helpers of the browser tests: launching Debian's chromium through playwright-core,
// reading a captcha's answer from the test log (RESCUECERT_TESTING_CAPTCHA_LOG) and an SMS code
// from the built-in outbox (`rescuecert sms outbox`), and logging in as a demo user.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';

export const BASE_URL = process.env.BASE_URL;
export const DEMO_PASSWORD = 'Demo2026rc';

// extraArgs: e.g. ['--use-file-for-fake-video-capture=FILE.mjpeg'] to feed the fake camera.
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', ...extraArgs],
  });
}

export function captchaAnswer(id) {
  const log = process.env.RESCUECERT_TESTING_CAPTCHA_LOG;
  for (let i = 0; i < 50; i++) {
    if (existsSync(log)) {
      const line = readFileSync(log, 'utf8').split('\n').find((l) => l.startsWith(id + ' '));
      if (line) return line.split(' ')[1];
    }
  }
  throw new Error('no captcha answer logged for ' + id);
}

// The newest code sent to `phone`, or the newest code sent at all when phone is null (the tests
// run one at a time, so that is the one just requested).
export function latestSmsCode(phone) {
  const args = ['sms', 'outbox', '--limit', '1', ...(phone ? ['--phone', phone] : [])];
  const out = execFileSync(process.env.RC_BIN, args, { encoding: 'utf8' });
  const messages = JSON.parse(out);
  if (!messages.length) throw new Error('no SMS to ' + (phone ?? 'anyone'));
  const m = messages[0].text.match(/(\d{6})/);
  if (!m) throw new Error('no code in: ' + messages[0].text);
  return m[1];
}

// Logs in through the real pages: password + captcha, then the SMS code. Returns the page.
// phone: where the code goes (null: take the newest code in the outbox).
export async function login(browser, username, phone = null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE_URL + '/login');
  const id = await page.getAttribute('img[data-captcha-id]', 'data-captcha-id');
  await page.fill('#username', username);
  await page.fill('#password', DEMO_PASSWORD);
  await page.fill('#captcha', captchaAnswer(id));
  await Promise.all([page.waitForURL('**/login/sms'), page.click('button[type=submit]')]);
  await page.fill('#code', latestSmsCode(phone));
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return page;
}

// A valid 18-digit resident ID number (GB 11643, MOD 11-2) for a 南充 county and birth date.
export function residentId(county, birth, sequence) {
  const body = county + birth.replaceAll('-', '') + String(sequence).padStart(3, '0');
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

// The demo login printed by `rescuecert demo` (run-e2e keeps it in RC_WORK/demo.txt) whose note
// contains `note`, e.g. '已激活，待确认报名'.
export function demoLogin(note) {
  const text = readFileSync(process.env.RC_WORK + '/demo.txt', 'utf8');
  const line = text.split('\n').find((l) => l.includes(note));
  if (!line) throw new Error('no demo login noted ' + note + ' in:\n' + text);
  const m = line.match(/(RC\d{8})/);
  if (!m) throw new Error('no username in: ' + line);
  return m[1];
}
