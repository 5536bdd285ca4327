// The review desk in a real browser: Debian's Chromium, driven headless by
// playwright-core. Usage: node desk.test.mjs BASE_URL [SCREENSHOT_DIR]
// BASE_URL is a running `contra serve` over the Durrës fixtures plus
// hostile-memo.txt (run.sh sets this up).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = process.argv[2];
const shots = process.argv[3];
if (!base) {
  console.error("usage: node desk.test.mjs BASE_URL [SCREENSHOT_DIR]");
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), "contra-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CONTRA_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});

const problems = [];
let passed = 0;
async function step(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    problems.push(name);
    console.log(`not ok - ${name}\n  ${String(error && error.stack || error).split("\n").join("\n  ")}`);
  }
}
async function shoot(page, name) {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

const page = context.pages()[0] || await context.newPage();
const consoleErrors = [];
page.on("console", (message) => { if (message.type() === "error") consoleErrors.push(message.text()); });
page.on("pageerror", (error) => consoleErrors.push(String(error)));
page.setDefaultTimeout(15000);

let flagUrl = "";
let flagId = "";
const note = "Both figures describe the same count; dismissed in the browser test.";

try {
  await step("the events page lists the Durrës event with its open flags", async () => {
    await page.goto(base);
    const row = page.locator("tr.row", { hasText: "durres-raid-2023" });
    await row.waitFor();
    assert.ok(Number(await row.locator("td.num").first().innerText()) > 0, "no open flag counted");
    await shoot(page, "events");
  });

  await step("the event page lists its flags, open and most severe first", async () => {
    await page.getByRole("link", { name: /Police raid on the MEK camp/ }).click();
    await page.waitForURL(/\/events\/durres-raid-2023$/);
    const rows = page.locator("table.flags tbody tr");
    assert.ok(await rows.count() >= 2, "too few flags listed");
    const severities = await rows.locator(".severity").allInnerTexts();
    const rank = { ERROR: 3, WARNING: 2, INFO: 1, error: 3, warning: 2, info: 1 };
    for (let i = 1; i < severities.length; i += 1) {
      assert.ok(rank[severities[i - 1]] >= rank[severities[i]], `not most severe first: ${severities}`);
    }
    await shoot(page, "event");
  });

  await step("a flag opens with its accounts side by side, quotes highlighted in their sentences", async () => {
    await page.locator("table.flags tbody tr a").first().click();
    await page.waitForURL(/\/flags\/F-[0-9a-f]+$/);
    flagUrl = page.url();
    flagId = flagUrl.split("/").pop();
    assert.ok(await page.locator("article.account").count() >= 2, "fewer than two accounts");
    assert.ok(await page.locator("blockquote.context mark").count() >= 2, "quotes not highlighted");
    assert.match(await page.locator("h1").innerText(), /open/i);
  });

  await step("logging in keeps the name and comes back to the flag", async () => {
    await page.getByRole("link", { name: "Log in", exact: true }).click();
    await page.getByLabel("Name").fill("Browser Tester");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(flagUrl);
    assert.match(await page.locator("header .who").innerText(), /Browser Tester/);
    await shoot(page, "flag");
  });

  await step("dismissing with a note, then reloading, shows the flag dismissed", async () => {
    await page.getByLabel("Note").fill(note);
    await page.getByRole("button", { name: "Dismiss" }).click();
    await page.locator(".notice.done").waitFor();
    await page.reload();
    assert.match(await page.locator("h1 .status").innerText(), /dismissed/i);
    const history = await page.locator("ol.reviews").innerText();
    assert.ok(history.includes(note), "the note is not in the history");
    assert.ok(history.includes("Browser Tester"), "the reviewer is not in the history");
  });

  await step("the event page counts the decision", async () => {
    await page.goto(`${base}events/durres-raid-2023?status=dismissed`);
    const row = page.locator("tr.row", { hasText: flagId });
    await row.waitFor();
    assert.match(await row.locator(".status").innerText(), /dismissed/i);
  });

  await step("keyboard: j moves to a flag, Enter opens it, c confirms it", async () => {
    await page.goto(`${base}events/durres-raid-2023?status=open`);
    await page.keyboard.press("j");
    assert.equal(await page.locator("tr.current").count(), 1, "j did not select a row");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/flags\/F-[0-9a-f]+$/);
    await page.keyboard.press("c");
    await page.locator(".notice.done").waitFor();
    assert.match(await page.locator("h1 .status").innerText(), /confirmed/i);
  });

  await step("a document containing <script> shows it as text and runs nothing", async () => {
    await page.goto(`${base}documents`);
    await page.getByRole("link", { name: /Leaked memo/ }).click();
    await page.locator(".doctext").waitFor();
    const text = await page.locator(".doctext").innerText();
    assert.ok(text.includes("<script>window.__contraOwned = true;"), "the script tag is not shown as text");
    assert.ok(text.includes("<img src=x onerror="), "the img tag is not shown as text");
    assert.equal(await page.locator(".doctext script, .doctext img, .doctext b").count(), 0, "markup was rendered");
    assert.equal(await page.evaluate(() => window.__contraOwned), undefined, "the document's script ran");
    assert.notEqual(await page.title(), "owned");
    assert.match(await page.locator("h1").innerText(), /Leaked memo <script>/);
    await shoot(page, "document");
  });

  await step("the editor's report opens from the event", async () => {
    await page.goto(`${base}events/durres-raid-2023`);
    await page.getByRole("link", { name: "Editor's report" }).click();
    await page.locator("h1", { hasText: "Discrepancy report" }).waitFor();
    await shoot(page, "report");
  });

  await step("no page logged an error or a Content-Security-Policy violation", async () => {
    assert.deepEqual(consoleErrors, []);
  });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(`${passed} passed, ${problems.length} failed`);
process.exit(problems.length === 0 ? 0 : 1);
