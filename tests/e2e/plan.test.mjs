// The action plan in the browser: generated from every gap with breaches first, edited
// (owner, dates, status, notes, remove, add), edits kept when an answer changes (the
// action is marked resolved), and every download made, timed and read back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { serve, launch, openApp, assertClean, assertAccessible, shot, h1, waitForFocus } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// A name that tries to break every format: markup, quotes, a comma, a newline is not
// allowed in a name by the file format, so it goes in the notes instead; a leading =.
const NAME = '=HYPERLINK("x") <script>alert(1)</script> "Acme", Ltd';
const NOTES = 'Call "Jane", then =SUM(A1)\nsecond line <b>';

function assessment() {
  const answers = {};
  for (const id of ['L1.1.a', 'L1.1.b', 'L1.1.c', 'L1.1.d']) answers[id] = { answer: 'yes', evidence: 'Minutes', changed: '2026-01-01T00:00:00Z' };
  answers['L1.3.a'] = { answer: 'no', changed: '2026-01-01T00:00:00Z' };
  return {
    format: 'carer-benchmark-assessment', version: 1,
    organisation: { name: NAME, sector: 'private', size: '50-249', nation: 'england' },
    created: '2026-01-05T09:00:00Z', updated: '2026-01-05T09:00:00Z', answers,
    policies: { flexible_working: { service_weeks: 26 } },
  };
}

async function downloadOf(page, selector) {
  const t0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const ms = Date.now() - t0;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path), ms };
}

test('the plan puts breaches first, keeps edits through answer changes, and every download is made', async () => {
  const { context, page } = await openApp(browser, server.url, { acceptDownloads: true });
  await page.setInputFiles('#cb-import', { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(assessment())) });
  await page.waitForSelector('.cb-success');
  await page.locator('.cb-card button:has-text("Open")').click();
  await page.locator('text=Action plan and downloads').click();
  await page.waitForSelector('.cb-actions');
  await waitForFocus(page, 'h1', 'the plan takes focus');
  assert.equal(await h1(page), 'Your action plan');
  await page.fill('#cb-plan-start', '2026-02-02');
  await page.locator('#cb-plan-start').dispatchEvent('change');
  await page.locator('.cb-action', { hasText: '2 February 2026 to' }).first().waitFor();

  // Breaches first, due within 30 days of the start.
  const first = page.locator('.cb-actions').first().locator('.cb-action').first();
  assert.match(await first.innerText(), /FW-GB-DAY-ONE/);
  assert.match(await first.innerText(), /2 February 2026 to 4 March 2026/);
  await assertAccessible(page, 'action plan');
  await shot(page, 'plan');

  // Edit the action for L1.3.a: bad dates first, then good ones.
  const card = page.locator('.cb-action', { hasText: 'L1.3.a' }).first();
  const title = (await card.locator('.cb-action__title').innerText()).trim();
  await card.locator('button:has-text("Change")').click();
  await page.waitForSelector('#cb-action-owner');
  await page.fill('#cb-action-start', '2026-03-10');
  await page.fill('#cb-action-due', '2026-03-01');
  await page.locator('button[type=submit]').click();
  await waitForFocus(page, '#cb-error-summary', 'bad dates focus the error summary');
  assert.match(await page.locator('.cb-error-summary').innerText(), /on or after the start date/);
  await assertAccessible(page, 'edit action with an error');
  await page.fill('#cb-action-due', '2026-04-30');
  await page.fill('#cb-action-owner', 'Jane in HR');
  await page.locator('#cb-action-status-in-progress').check();
  await page.fill('#cb-action-notes', NOTES);
  await page.locator('button[type=submit]').click();
  const edited = page.locator('.cb-action', { hasText: title }).first();
  await edited.waitFor();
  assert.match(await edited.innerText(), /Jane in HR[\s\S]*10 March 2026 to 30 April 2026[\s\S]*In progress/);

  // Remove another action, see it listed, put it back.
  const other = page.locator('.cb-actions').first().locator('.cb-action').nth(1);
  const otherTitle = (await other.locator('.cb-action__title').innerText()).trim();
  await other.locator('button:has-text("Change")').click();
  await page.locator('button:has-text("Remove this action")').click();
  await assertAccessible(page, 'remove confirmation');
  await page.locator('button:has-text("Yes, remove it")').click();
  assert.match(await page.locator('.cb-removed').innerText(), new RegExp(otherTitle.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.locator('.cb-removed button:has-text("Put back")').first().click();
  await page.waitForSelector('.cb-removed', { state: 'detached' });

  // Add an action of our own (an empty title is refused first).
  await page.locator('button:has-text("Add your own action")').click();
  await page.locator('button[type=submit]').click();
  await waitForFocus(page, '#cb-error-summary', 'an empty title focuses the error summary');
  await page.fill('#cb-own-title', 'Ask the carers network to review the plan');
  await page.locator('button[type=submit]').click();
  await page.locator('.cb-action', { hasText: 'Ask the carers network' }).waitFor();

  // Answer L1.3.a yes with evidence: the edited action is kept, marked resolved.
  await page.locator('button:has-text("Back to the task list")').first().click();
  await page.locator('.cb-task-criterion:has-text("L1.3")').click();
  await page.locator('#cb-answer-L1-3-a-yes').check();
  await page.fill('#cb-evidence-L1-3-a', 'Carers network launched in March');
  await page.locator('#cb-evidence-L1-3-a').dispatchEvent('change');
  await page.locator('button:has-text("Return to the task list")').click();
  await page.locator('text=Action plan and downloads').click();
  await page.waitForSelector('.cb-actions');
  const resolved = page.locator('h2:has-text("Resolved") + p + ol .cb-action', { hasText: title });
  await resolved.waitFor();
  assert.match(await resolved.innerText(), /Jane in HR[\s\S]*Resolved/);

  // Every download: made in the browser, timed from the click to the file.
  const timings = {};
  const files = {};
  for (const kind of ['docx', 'csv', 'ics', 'md', 'json']) {
    const f = await downloadOf(page, `button[data-export="${kind}"]`);
    timings[kind] = f.ms;
    files[kind] = f;
    assert.ok(f.name.endsWith(`.${kind}`), `${kind} file name: ${f.name}`);
    assert.doesNotMatch(f.name, /[<>:"/\\|?*]/, 'the file name is safe on every system');
  }
  console.log(`export timings in the browser (click to file, ms): ${JSON.stringify(timings)}`);
  assert.equal(files.docx.bytes.subarray(0, 2).toString(), 'PK', 'the .docx is a zip');
  const csv = files.csv.bytes.toString('utf8');
  assert.ok(csv.startsWith('\ufeff'), 'the CSV has a BOM for Excel');
  assert.ok(!/(^|,)=HYPERLINK|(^|,)"=/m.test(csv.replace(/\r\n/g, '\n')), 'no cell starts with =');
  assert.match(csv, /"'=SUM\(A1\)|Call ""Jane"", then =SUM\(A1\)/);
  const ics = files.ics.bytes.toString('utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.ok(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'ICS lines are folded at 75 octets');
  const md = files.md.bytes.toString('utf8');
  assert.ok(!md.includes('<script>'), 'Markdown escapes markup');
  // The JSON re-imports, with the plan's edits in it.
  const json = JSON.parse(files.json.bytes.toString('utf8'));
  assert.equal(json.organisation.name, NAME);
  assert.ok(Object.values(json.plan.edits).some((e) => e.owner === 'Jane in HR'));

  // The printable report: the page as Chromium prints it to A4.
  await page.locator('button:has-text("Print the report")').click();
  await page.waitForSelector('.cb-report');
  await assertAccessible(page, 'printable report');
  const text = await page.locator('.cb-report').innerText();
  assert.ok(text.includes(NAME), 'the name is shown as text, not markup');
  assert.match(text, /FW-GB-DAY-ONE/);
  if (process.env.SCREENSHOTS) {
    await mkdir('screenshots', { recursive: true });
    await page.emulateMedia({ media: 'print' });
    await writeFile('screenshots/report.pdf', await page.pdf({ format: 'A4', printBackground: true }));
    execFileSync('pdftoppm', ['-png', '-r', '50', 'screenshots/report.pdf', 'screenshots/report-page']);
    await page.emulateMedia({ media: 'screen' });
  }
  await assertClean(page);
  await context.close();
});
