// Shared by the browser test files: Debian's headless Chromium, a page per
// context (console errors and 404s collected), signing in as a demo account.
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const base = process.env.NTM_URL;
export const shots = process.env.NTM_ARTIFACTS;
export const consoleErrors = [];
export const password = "demo-ntm-2026";
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});
after(async () => { await browser?.close(); });

export function theBrowser() { return browser; }

export async function page(width = 1366, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: width < 400 ? 740 : 900 }, locale: "vi-VN", ...options });
  const p = await context.newPage();
  p.on("console", (m) => { if (m.type() === "error") consoleErrors.push(`${m.text()} @ ${p.url()}`); });
  p.on("pageerror", (e) => consoleErrors.push(String(e)));
  p.on("response", (r) => { if (r.status() === 404) consoleErrors.push(`404 ${r.url()}`); });
  return p;
}

export async function signIn(p, username, server = base) {
  await p.goto(`${server}/login`);
  await p.fill("#username", username);
  await p.fill("#password", password);
  await Promise.all([p.waitForURL((u) => !u.pathname.startsWith("/login")), p.click("form[action='/login'] button")]);
}

// No page wider than the screen; every button of `selector` within it.
export async function fitsTheScreen(p, width, selector = "main button") {
  const scroll = await p.evaluate(() => document.documentElement.scrollWidth);
  if (scroll > width) return `${p.url()}: ${scroll} px wide on a ${width} px screen`;
  for (const b of await p.locator(selector).all()) {
    if (!(await b.isVisible())) continue;
    const box = await b.boundingBox();
    if (box && box.x + box.width > width + 1) return `${p.url()}: a button ends at ${Math.round(box.x + box.width)} px`;
  }
  return "";
}
