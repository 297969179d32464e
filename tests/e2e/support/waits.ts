/** Waiting for what the pane shows, within the end-to-end tests' UI wait. */
import type { Locator } from "playwright-core";
import { E2E_UI_WAIT_MS as UI_TIMEOUT } from "../../support/timing";

export const visible = (locator: Locator, timeout = UI_TIMEOUT) => locator.first().waitFor({ state: "visible", timeout });

/** Visible and enabled (a button the pane unlocks once its work is done). */
export async function enabled(locator: Locator): Promise<void> {
  await visible(locator);
  const end = Date.now() + UI_TIMEOUT;
  while (!(await locator.first().isEnabled())) {
    if (Date.now() > end) throw new Error(`${locator} never became enabled`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
