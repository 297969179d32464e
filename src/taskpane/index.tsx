import { FluentProvider, Spinner, teamsHighContrastTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { messagesFor } from "./i18n";
import { detectHost, type HostInfo } from "./state/host";

const OFFICE_READY_TIMEOUT_MS = 3000;

const forcedColors = window.matchMedia?.("(forced-colors: active)");
const themeNow = (): Theme => (forcedColors?.matches ? teamsHighContrastTheme : webLightTheme);

const container = document.getElementById("root");
if (!container) throw new Error("taskpane.html has no #root element");
const root = createRoot(container);

let host: HostInfo | null = null;

function render(): void {
  root.render(
    <FluentProvider theme={themeNow()} style={{ minHeight: "100vh" }}>
      {host ? (
        <App inExcel={host.inExcel} displayLanguage={host.displayLanguage} />
      ) : (
        <Spinner size="small" label={messagesFor("nb").loading} />
      )}
    </FluentProvider>,
  );
}

forcedColors?.addEventListener?.("change", render);
render();
void detectHost(OFFICE_READY_TIMEOUT_MS).then((info) => {
  host = info;
  render();
});
