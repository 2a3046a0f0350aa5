// The carer passport scheme in the browser: set up from suggested defaults, with an error
// summary, and a template that holds exactly the chosen fields and support, printed to A4.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { serve, launch, openApp, assertClean, assertAccessible, h1, waitForFocus, shot } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const file = {
  format: 'carer-benchmark-assessment', version: 1,
  organisation: { name: 'Passport & Co', sector: 'public', size: '250-999', nation: 'wales' },
  created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z',
  answers: {
    'L2.1.a': { answer: 'partly', evidence: 'Staff handbook, page 12', changed: '2026-01-01T00:00:00Z' },
    'L2.1.c': { answer: 'no', changed: '2026-01-01T00:00:00Z' },
  },
  policies: {
    flexible_working: { service_weeks: 0, requests_per_year: 2, arrangements: ['part_time', 'remote_hybrid'] },
    carers_leave: { offered: true, days_per_year: 10, paid_days: 5, smallest_unit: 'half_day' },
  },
};

test('a scheme is configured and its template holds exactly the chosen fields and support', async () => {
  const { context, page } = await openApp(browser, server.url, { acceptDownloads: true });
  await page.setInputFiles('#cb-import', { name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForSelector('.cb-success');
  await page.locator('.cb-card button:has-text("Open")').click();
  await page.locator('text=Carer passport scheme').click();
  await page.waitForSelector('.cb-task-list');
  await waitForFocus(page, 'h1', 'the passport page takes focus');
  assert.equal(await h1(page), 'Set up your carer passport scheme');
  await assertAccessible(page, 'passport overview');

  // Part 1: an empty name is refused with an error summary linked to the field.
  await page.locator('button:has-text("Its name, and who can have one")').click();
  await page.fill('#passport-name', '');
  await page.locator('button[type=submit]').click();
  await waitForFocus(page, '#cb-error-summary', 'an empty name focuses the error summary');
  await assertAccessible(page, 'passport name with an error');
  await page.locator('.cb-error-summary a').first().click();
  assert.equal(await page.evaluate(() => window.__deepActive()?.id), 'passport-name');
  await page.fill('#passport-name', 'Carer passport <Acme>');
  await page.locator('button[type=submit]').click();

  // Part 2: leave out the emergency arrangements section.
  assert.equal(await h1(page), 'What the passport holds');
  await assertAccessible(page, 'passport fields');
  await page.locator('#passport-field-emergency-arrangements').uncheck();
  const chosen = [];
  for (const box of await page.locator('.cb-checkboxes input[type=checkbox]').all()) {
    if (await box.isChecked()) chosen.push((await page.locator(`label[for="${await box.getAttribute('id')}"]`).innerText()).split('\n')[0].trim());
  }
  await page.locator('button[type=submit]').click();

  // Part 3: the support menu is pre-filled from the policy answers; switch one off, add one.
  assert.equal(await h1(page), 'The support on offer');
  const leave = page.locator('.cb-offer', { hasText: "Carer's leave" }).first();
  assert.match(await leave.locator('textarea').inputValue(), /10 days a year, 5 paid/);
  const offers = page.locator('.cb-offer');
  const firstLabel = (await offers.first().locator('label strong').innerText()).trim();
  await offers.first().locator('input[type=checkbox]').uncheck();
  await page.fill('#passport-new-offer', 'A parking space near the door');
  await page.locator('button:has-text("Add this support")').click();
  await page.locator('.cb-offer', { hasText: 'A parking space near the door' }).waitFor();
  await assertAccessible(page, 'passport support');
  const on = [];
  for (const o of await offers.all()) {
    if (await o.locator('input[type=checkbox]').isChecked()) on.push((await o.locator('label strong').innerText()).trim());
  }
  await page.locator('button[type=submit]').click();

  // Parts 4-6 as suggested, with a bad review cycle corrected on the way.
  assert.equal(await h1(page), 'Reviewing passports');
  await page.fill('#passport-review-months', '30');
  await page.locator('button[type=submit]').click();
  await waitForFocus(page, '#cb-error-summary', 'a review cycle over 24 months is refused');
  await page.fill('#passport-review-months', '12');
  await page.locator('button[type=submit]').click();
  assert.equal(await h1(page), 'Keeping and sharing it');
  await assertAccessible(page, 'passport storage');
  await page.locator('button[type=submit]').click();
  assert.equal(await h1(page), 'Contacts');
  await page.locator('button:has-text("Add a contact")').click();
  await page.fill('#passport-contacts-1-name', 'Jo in HR');
  await page.locator('#passport-contacts-1-name').dispatchEvent('change');
  await page.fill('#passport-contacts-1-link', 'javascript:alert(1)');
  await page.locator('#passport-contacts-1-link').dispatchEvent('change');
  await page.locator('button[type=submit]').click();
  await waitForFocus(page, '#cb-error-summary', 'an unsafe link is refused');
  await assertAccessible(page, 'passport contacts with an error');
  await page.fill('#passport-contacts-1-link', 'mailto:hr@example.org');
  await page.locator('#passport-contacts-1-link').dispatchEvent('change');
  await page.locator('button[type=submit]').click();
  assert.equal(await h1(page), 'Set up your carer passport scheme');

  // Recording the scheme as evidence adds beneath the user's own notes, says what it did,
  // and adds nothing to questions not yet answered.
  await page.locator('button:has-text("Record the scheme as evidence")').click();
  const said = await page.locator('.cb-notice').innerText();
  assert.match(said, /Added beneath your evidence notes for L2\.1\.c, L2\.1\.a; your own notes are kept/);
  assert.match(said, /Not recorded for .*L1\.3\.c.*not answered yet/s);
  await page.locator('button:has-text("Record the scheme as evidence")').click();
  assert.match(await page.locator('.cb-notice').innerText(), /Already in your evidence notes: L2\.1\.c, L2\.1\.a/);
  await assertAccessible(page, 'passport overview after recording evidence');
  // Saved within a moment of the change.
  const note = await (await page.waitForFunction(() => {
    const stored = JSON.parse(localStorage.getItem('carer-benchmark:assessments'));
    const evidence = stored.assessments[0].assessment.answers['L2.1.a'].evidence;
    return evidence.includes('\n') && evidence;
  })).jsonValue();
  assert.match(note, /^Staff handbook, page 12\nThe Carer passport <Acme> gives staff a set route/);

  // The template: exactly the chosen fields and the support switched on.
  await page.locator('button:has-text("The passport template")').click();
  await page.waitForSelector('.cb-print');
  await assertAccessible(page, 'passport template');
  const text = await page.locator('.cb-print').innerText();
  assert.match(text, /Carer passport <Acme>/);
  const headings = (await page.locator('.cb-print-heading').allInnerTexts()).map((t) => t.trim());
  for (const f of chosen) assert.ok(headings.some((h) => h.includes(f)), `chosen field "${f}" is on the template: ${headings}`);
  assert.ok(!headings.some((h) => /Emergency arrangements/i.test(h)), `left-out field is not: ${headings}`);
  const options = (await page.locator('.cb-print-option').allInnerTexts()).map((t) => t.trim());
  for (const o of on) assert.ok(options.includes(o), `offer "${o}" is on the template: ${options}`);
  assert.ok(!options.includes(firstLabel), `switched-off offer "${firstLabel}" is not`);
  assert.ok(options.includes('A parking space near the door'));

  // Word download, and the printed A4 page looked at.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-export="docx"]').click()]);
  assert.match(download.suggestedFilename(), /\.docx$/);
  if (process.env.SCREENSHOTS) {
    await mkdir('screenshots', { recursive: true });
    await page.emulateMedia({ media: 'print' });
    await writeFile('screenshots/passport-template.pdf', await page.pdf({ format: 'A4', printBackground: true }));
    execFileSync('pdftoppm', ['-png', '-r', '50', 'screenshots/passport-template.pdf', 'screenshots/passport-template']);
    await page.emulateMedia({ media: 'screen' });
  }
  await shot(page, 'passport-template-screen');

  // The launch tasks are in the action plan.
  await page.locator('button:has-text("Back to the carer passport")').click();
  await page.locator('button:has-text("See the action plan")').click();
  await page.waitForSelector('.cb-actions');
  assert.ok(await page.locator('.cb-action', { hasText: 'Brief' }).count() > 0, 'the briefing task is in the plan');
  await assertClean(page);
  await context.close();
});
