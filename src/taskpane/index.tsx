import { FluentProvider, type PartialTheme, type Theme } from "@fluentui/react-components";
import { Body1 } from "./controls";
import { useEffect } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { afterNextPaint } from "./afterPaint";
import { loadDomain } from "./domain";
import { langFromDisplayLanguage, loadMessages, messagesFor } from "./i18n";
import { applyLightTheme } from "./lightTheme";
import { createServices } from "./services";
import type { PaneServices } from "./services/types";
import { detectHost, type HostInfo } from "./state/host";

const OFFICE_READY_TIMEOUT_MS = 3000;

const forcedColors = window.matchMedia?.("(forced-colors: active)");
let highContrast: Theme | null = null;
// The light theme's variables come from the CSS file, on the page's root element.
applyLightTheme();
/** No variables of FluentProvider's own over the light theme's (one object, so its rule is made once). */
const OVER_LIGHT: PartialTheme = {};

/**
 * The theme FluentProvider sets over the light one on the page's root: none, or the
 * high-contrast one under forced colours (loaded on demand; the system colours rule meanwhile).
 */
function themeNow(): PartialTheme {
  if (!forcedColors?.matches) return OVER_LIGHT;
  if (!highContrast) {
    void import(/* webpackChunkName: "theme-hc" */ "./highContrastTheme").then((m) => {
      highContrast = m.teamsHighContrastTheme;
      render();
    });
  }
  return highContrast ?? OVER_LIGHT;
}

const container = document.getElementById("root");
if (!container) throw new Error("taskpane.html has no #root element");
const root = createRoot(container);

let host: HostInfo | null = null;
let services: PaneServices | null = null;

function render(): void {
  root.render(
    <FluentProvider theme={themeNow()} style={{ minHeight: "100vh" }}>
      {host && services ? (
        <>
          <App services={services} displayLanguage={host.displayLanguage} laterSectionsAfterFirstPaint />
          <AfterFirstView run={loadRest} />
        </>
      ) : (
        <Body1 as="p" role="status" style={{ margin: 0, padding: "12px" }}>
          {messagesFor("nb").loading}
        </Body1>
      )}
    </FluentProvider>,
  );
}

forcedColors?.addEventListener?.("change", render);
render();
void detectHost(OFFICE_READY_TIMEOUT_MS).then(async (info) => {
  // English texts load before the first view, so an English Office never sees bokmål flash by.
  await loadMessages(langFromDisplayLanguage(info.displayLanguage)).catch(() => undefined);
  host = info;
  services = createServices(info.inExcel);
  render();
});

/** Runs `run` once, after the first view has been committed and the frame after it painted. */
function AfterFirstView({ run }: { run: () => void }): null {
  useEffect(() => {
    void afterNextPaint().then(run);
  }, [run]);
  return null;
}

/**
 * The municipality registry, the catalog, the engine and the sample load once the first
 * view is on screen (the sample's profile then appears in the preview); a picker or an
 * action that needs them before asks for them and waits. A failed load is tried again by
 * the next that needs it.
 */
function loadRest(): void {
  loadDomain().then(render, () => undefined);
}

