import { Caption1 } from "../controls";
import { lazy, Suspense } from "react";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { PaneServices } from "../services/types";
import type { Place } from "../state/outcome";
import type { Reasons } from "../state/reasons";
import type { PaneActions } from "../state/usePaneActions";

// What appears only after the user acts loads on demand, so the first view downloads only what it shows.
const LoadBusy = lazy(() => import(/* webpackChunkName: "load-busy" */ "./LoadBusy"));
const OutcomeBar = lazy(() => import(/* webpackChunkName: "outcome" */ "./OutcomeBar"));

/** What every part of the pane reads: its texts, the services, the actions and why each button waits. */
export interface PaneView {
  t: Messages;
  lang: Lang;
  services: PaneServices;
  actions: PaneActions;
  reasons: Reasons;
}

/** Beside the buttons at `place`: a load under way there (with its cancel button), then the message of the last run there. */
export function RunFeedback({ place, pane: { t, lang, services, actions } }: { place: Place; pane: PaneView }) {
  const { busy, outcome } = actions;
  return (
    <>
      {busy?.what === "load" && busy.place === place && (
        <Suspense fallback={<Caption1 role="status">{t.progressLabel}</Caption1>}>
          <LoadBusy t={t} lang={lang} progress={actions.progress} now={services.now} onCancel={actions.cancel} />
        </Suspense>
      )}
      {outcome?.key.place === place && (
        <Suspense fallback={null}>
          <OutcomeBar
            message={outcome.describe(t, lang)}
            goToSheet={services.activateSheet ? { label: t.goToSheet, onClick: (sheet) => actions.goToSheet(sheet.id, place) } : undefined}
          />
        </Suspense>
      )}
    </>
  );
}
