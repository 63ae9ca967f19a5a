import type { Page } from "playwright-core";

/** Sends a chat message from the web page and waits for the coach's whole reply, which it returns as shown. */
export async function sendFromPage(page: Page, text: string): Promise<string> {
  const before = await page.locator(".msg.coach[data-done]").count();
  await page.fill("#chat-input", text);
  await page.keyboard.press("Enter");
  await page.waitForFunction((count) => document.querySelectorAll(".msg.coach[data-done]").length > count, before);
  return page.locator(".msg.coach[data-done]").last().innerText();
}
