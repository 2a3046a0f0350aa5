// The policy checker in the browser: questions with an error summary, findings graded
// by the law in force on the check date, Northern Ireland's different law, suggested
// answers for L1.2 and a breach that holds L1.2 back on the results page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openApp, assertClean, assertAccessible, shot, h1, waitForFocus, focused } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function importAndOpen(page, name, nation) {
  const file = {
    format: 'carer-benchmark-assessment', version: 1,
    organisation: { name, sector: 'private', size: '50-249', nation },
    created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', answers: {},
  };
  await page.setInputFiles('#cb-import', { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForSelector('.cb-success');
  await page.locator('.cb-card button:has-text("Open")').click();
  await page.locator('text=Flexible working and carer\'s leave policies').click();
  await page.waitForSelector('#cb-check-date');
  assert.equal(await h1(page), "Flexible working and carer's leave policies");
}

const findingIds = async (page, heading) =>
  page.locator(`h2:has-text("${heading}") + ul .cb-finding__id`).allInnerTexts();

test('answers are checked against the law on the chosen date, with an error summary for bad numbers', async () => {
  const { context, page } = await openApp(browser, server.url, { acceptDownloads: true });
  await importAndOpen(page, 'Dates Ltd', 'england');
  await waitForFocus(page, 'h1', 'the policies screen takes focus when it opens');
  await assertAccessible(page, 'policies overview');
  assert.match(await page.locator('.cb-inset').innerText(), /Northern Ireland's are different/);
  await page.fill('#cb-check-date', '2024-04-05');

  await page.locator('button:has-text("Flexible working")').first().click();
  await page.fill('#cb-policy-flexible-working-service-weeks', '26');
  await page.fill('#cb-policy-flexible-working-requests-per-year', 'two');
  await page.locator('button[type=submit]').click();
  await waitForFocus(page, '#cb-error-summary', 'a failed submit focuses the error summary');
  assert.match(await page.locator('.cb-error-summary').innerText(), /Enter a whole number from 0 to 12/);
  await assertAccessible(page, 'policy questions with an error');
  await shot(page, 'policies-error');
  await page.locator('.cb-error-summary a').click();
  assert.equal((await focused(page)).id, 'cb-policy-flexible-working-requests-per-year', 'the error link focuses its field');
  await page.fill('#cb-policy-flexible-working-requests-per-year', '1');
  await page.locator('#cb-policy-flexible-working-appeal-1').check();
  await page.locator('#cb-policy-flexible-working-arrangements-part-time').check();
  await page.locator('button[type=submit]').click();

  assert.equal(await h1(page), "Carer's leave");
  await page.locator('#cb-policy-carers-leave-offered-1').check();
  await page.fill('#cb-policy-carers-leave-days-per-year', '5');
  await page.fill('#cb-policy-carers-leave-paid-days', '5');
  await assertAccessible(page, 'carer\'s leave questions');
  await page.locator('button[type=submit]').click();
  assert.equal(await h1(page), 'Emergencies and your written policy');
  await page.locator('button[type=submit]').click();

  assert.equal(await h1(page), 'Your policy findings');
  // The day before the April 2024 changes: 26 weeks' service and one request were lawful.
  assert.deepEqual(await findingIds(page, 'Below the law'), []);
  assert.ok((await findingIds(page, 'Meets the law only')).includes('FW-GB-26-WEEKS'));
  assert.ok((await findingIds(page, 'Coming changes')).includes('FW-GB-DAY-ONE'));
  await assertAccessible(page, 'findings before April 2024');
  // The day the changes started: the same answers now break the law.
  await page.fill('#cb-check-date', '2024-04-06');
  await page.locator('#cb-check-date').dispatchEvent('change');
  await page.waitForSelector('h2:has-text("Below the law")');
  const breaches = await findingIds(page, 'Below the law');
  assert.ok(breaches.includes('FW-GB-DAY-ONE') && breaches.includes('FW-GB-TWO-REQUESTS'), `breaches: ${breaches}`);
  assert.match(await page.locator('.cb-warning').innerText(), /L1\.2 \(legal compliance\) cannot be met/);
  assert.ok((await findingIds(page, 'Beyond the law')).includes('CL-UK-PAID'), 'five paid days of carer\'s leave are enhanced');
  await assertAccessible(page, 'findings with breaches');
  await shot(page, 'policies-findings');

  // The draft policy, as Word and as Markdown.
  for (const [kind, ext] of [['draft-docx', 'docx'], ['draft-md', 'md']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-export="${kind}"]`).click()]);
    assert.ok(download.suggestedFilename().endsWith(`.${ext}`), download.suggestedFilename());
    const bytes = await readFile(await download.path());
    if (ext === 'docx') assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    else assert.match(bytes.toString('utf8'), /^# Supporting carers at work/);
  }

  // The user's own note on L1.2.a (reached through the address, and Back returns here).
  const place = new URL(page.url()).searchParams.get('cb');
  assert.match(place, /:policies\/findings$/);
  await page.goto(`${server.url}?cb=${place.split(':')[0]}:question/2`);
  await page.locator('#cb-answer-L1-2-a-yes').check();
  const own = 'Leave Policy v3 (April 2024), section 5';
  await page.locator('#cb-evidence-L1-2-a').fill(own);
  await page.goBack();
  await page.locator('button:has-text("Use the suggested answers")').waitFor();
  // Before anything changes, the table says what will: L1.2.a's note kept, the reason beneath.
  const row = page.locator('.cb-table tr', { hasText: 'L1.2.a' });
  assert.match(await row.innerText(), /Yes\s+\w+\s+Kept, with the checker's reason added beneath it/);
  await assertAccessible(page, 'suggested answers with their effect');
  await page.locator('button:has-text("Use the suggested answers")').click();
  const notice = page.locator('.cb-notice', { hasText: 'Suggested answers used' });
  assert.match(await notice.innerText(), /used for L1\.2\.a\. Any notes of your own were kept/);
  // Undo puts everything back; using them again keeps the note with the reason beneath.
  await notice.locator('button:has-text("Undo")').click();
  await page.locator('.cb-notice', { hasText: 'Put back as they were' }).waitFor();
  assert.match(await row.innerText(), /Yes\s+\w+\s+Kept, with the checker's reason added beneath it/);
  await page.locator('button:has-text("Use the suggested answers")').click();
  await page.locator('button:has-text("See your results")').last().click();
  await page.waitForSelector('.cb-levels');
  assert.match(await page.locator('.cb-warning').innerText(), /FW-GB-DAY-ONE/);
  await page.locator('button:has-text("Back to the task list")').click();
  await page.locator('.cb-task-criterion:has-text("L1.2")').click();
  const note = await page.locator('#cb-evidence-L1-2-a').inputValue();
  assert.ok(note.startsWith(`${own}\nPre-filled from the policy checker`), note);
  await assertClean(page);
  await context.close();
});

test('Northern Ireland: the same answers give different findings, and the page says so', async () => {
  const findingsFor = async (nation) => {
    const { context, page } = await openApp(browser, server.url);
    await importAndOpen(page, `Same ${nation}`, nation);
    await page.locator('button:has-text("Flexible working")').first().click();
    await page.fill('#cb-policy-flexible-working-service-weeks', '26');
    await page.fill('#cb-policy-flexible-working-requests-per-year', '1');
    await page.locator('button[type=submit]').click();
    await page.locator('#cb-policy-carers-leave-offered-0').check();
    await page.locator('button[type=submit]').click();
    await page.locator('button[type=submit]').click();
    await page.waitForSelector('.cb-grade-counts');
    const note = await page.locator('.cb-inset').innerText();
    const result = { note, breaches: await findingIds(page, 'Below the law'), minimum: await findingIds(page, 'Meets the law only') };
    await assertAccessible(page, `findings in ${nation}`);
    await assertClean(page);
    await context.close();
    return result;
  };
  const gb = await findingsFor('england');
  const ni = await findingsFor('northern_ireland');
  assert.ok(gb.breaches.includes('FW-GB-DAY-ONE') && gb.breaches.includes('CL-GB-RIGHT'), `England breaches: ${gb.breaches}`);
  assert.deepEqual(ni.breaches, [], 'the same policy is lawful in Northern Ireland');
  assert.ok(ni.minimum.includes('FW-NI-26-WEEKS') && ni.minimum.includes('FW-NI-ONE-REQUEST'), `NI minimum: ${ni.minimum}`);
  assert.match(ni.note, /Checked against the law in Northern Ireland/);
  assert.match(ni.note, /no statutory right to carer's leave/);
});
