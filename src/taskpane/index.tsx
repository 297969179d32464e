import { FluentProvider, Text, webLightTheme, type Theme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { loadDomain } from "./domain";
import { langFromDisplayLanguage, loadMessages, messagesFor } from "./i18n";
import { createServices } from "./services";
import type { PaneServices } from "./services/types";
import { detectHost, type HostInfo } from "./state/host";

const OFFICE_READY_TIMEOUT_MS = 3000;

const forcedColors = window.matchMedia?.("(forced-colors: active)");
let highContrast: Theme | null = null;

/** The light theme, or the high-contrast one under forced colours (loaded on demand; the system colours rule meanwhile). */
function themeNow(): Theme {
  if (!forcedColors?.matches) return webLightTheme;
  if (!highContrast) {
    void import(/* webpackChunkName: "theme-hc" */ "./highContrastTheme").then((m) => {
      highContrast = m.teamsHighContrastTheme;
      render();
    });
  }
  return highContrast ?? webLightTheme;
}

const container = document.getElementById("root");
if (!container) throw new Error("taskpane.html has no #root element");
const root = createRoot(container);

let host: HostInfo | null = null;
let services: PaneServices | null = null;
let startFailed = false;

// The catalog, registry and engine load beside office.js, not after it.
const domainReady = loadDomain();

function render(): void {
  root.render(
    <FluentProvider theme={themeNow()} style={{ minHeight: "100vh" }}>
      {host && services ? (
        <App services={services} displayLanguage={host.displayLanguage} />
      ) : (
        <Text as="p" role={startFailed ? "alert" : "status"} style={{ margin: 0, padding: "12px" }}>
          {startFailed ? messagesFor("nb").startFailed : messagesFor("nb").loading}
        </Text>
      )}
    </FluentProvider>,
  );
}

forcedColors?.addEventListener?.("change", render);
render();
void detectHost(OFFICE_READY_TIMEOUT_MS).then(async (info) => {
  // English texts load before the first view, so an English Office never sees bokmål flash by.
  await loadMessages(langFromDisplayLanguage(info.displayLanguage)).catch(() => undefined);
  try {
    await domainReady;
  } catch {
    startFailed = true;
    render();
    return;
  }
  host = info;
  services = createServices(info.inExcel);
  render();
});
