// Browser test of the guest path: try galley without an account, create a project and upload a
// text, save the session as an account from the guest banner, log out, log back in with the new
// e-mail and password and find the project kept. Harness in support.mjs.
import { check, runBrowserTest } from './support.mjs';

async function scenario({ base, page, consoleErrors }) {
  await page.goto(base + '/');
  await page.locator('#login-view').waitFor({ state: 'visible' });
  await page.click('#guest-btn');
  await page.locator('#app-view').waitFor({ state: 'visible' });
  await page.locator('#claim-form').waitFor({ state: 'visible' });
  check((await page.textContent('#user-email')) === 'guest', 'a guest session starts without an account');

  await page.fill('#new-project-name', 'Borrador');
  await page.selectOption('#new-project-language', 'es');
  await page.click('#new-project-btn');
  await page.locator('#project-view').waitFor({ state: 'visible' });
  await page.setInputFiles('#upload-file', { name: 'nota.txt', mimeType: 'text/plain', buffer: Buffer.from('Una nota breve de prueba.\n') });
  await page.click('#upload-btn');
  await page.locator('#document-list li[data-filename="nota.txt"]').waitFor();
  check(true, 'the guest creates a project and uploads a text');

  await page.fill('#claim-email', 'saved@example.com');
  await page.fill('#claim-password', 'guest password 1');
  await page.click('#claim-btn');
  await page.locator('#claim-form').waitFor({ state: 'hidden' });
  check((await page.textContent('#user-email')) === 'saved@example.com', 'the guest is saved as an account');

  await page.click('#logout-btn');
  await page.locator('#login-view').waitFor({ state: 'visible' });
  await page.fill('#email', 'saved@example.com');
  await page.fill('#password', 'guest password 1');
  await page.click('#login-btn');
  await page.locator('#app-view').waitFor({ state: 'visible' });
  await page.locator('#project-list li button', { hasText: 'Borrador' }).waitFor();
  check(await page.$eval('#claim-form', (e) => e.classList.contains('hidden')), 'no guest banner for an account');
  check(true, 'logging in with the saved account shows the guest project');
  check(consoleErrors.length === 0, `no console errors (got ${JSON.stringify(consoleErrors)})`);
  check(await page.$eval('#error-banner', (e) => e.classList.contains('hidden')), 'no API error banner');
}

await runBrowserTest('guest_flow', scenario);
