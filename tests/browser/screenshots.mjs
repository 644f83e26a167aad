// Takes the README screenshots (viewport, not full page) from a running demo.
// Usage: NTM_URL=http://127.0.0.1:8080 node tests/browser/screenshots.mjs docs/screenshots
import { chromium } from "playwright-core";

const base = process.env.NTM_URL, out = process.argv[2];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const shots = [
  ["dashboard-vi", "vi", "/dashboard/42?at=2024-12-31", 1366],
  ["dashboard-en", "en", "/dashboard/42", 1366],
  ["scorecard-vi", "vi", "/commune/18172?at=2026-06-30", 1366],
  ["scorecard-en", "en", "/commune/18580?at=2021-12-31", 1366],
  ["dashboard-phone-vi", "vi", "/dashboard/42", 360],
];
for (const [name, lang, path, width] of shots) {
  const context = await browser.newContext({ viewport: { width, height: width > 400 ? 1000 : 1400 } });
  await context.addCookies([{ name: "lang", value: lang, url: base }]);
  const page = await context.newPage();
  await page.goto(base + path);
  await page.screenshot({ path: `${out}/${name}.png` });
  await context.close();
}
await browser.close();
