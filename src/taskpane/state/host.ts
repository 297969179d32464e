/** What the pane needs to know about its host, found without ever blocking the page on office.js. */
export interface HostInfo {
  inExcel: boolean;
  displayLanguage?: string;
}

const OUTSIDE_OFFICE: HostInfo = { inExcel: false };

function displayLanguage(): string | undefined {
  try {
    return Office.context?.displayLanguage || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves once Office is ready, or at once when office.js did not load (offline, blocked,
 * plain browser), or after `timeoutMs` when it loaded but never reports ready.
 */
export function detectHost(timeoutMs: number): Promise<HostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(OUTSIDE_OFFICE);
  return new Promise<HostInfo>((resolve) => {
    const timer = setTimeout(() => resolve(OUTSIDE_OFFICE), timeoutMs);
    const settle = (info: HostInfo) => {
      clearTimeout(timer);
      resolve(info);
    };
    try {
      Office.onReady()
        .then((info) => settle({ inExcel: info.host === Office.HostType.Excel, displayLanguage: displayLanguage() }))
        .catch(() => settle(OUTSIDE_OFFICE));
    } catch {
      settle(OUTSIDE_OFFICE);
    }
  });
}
