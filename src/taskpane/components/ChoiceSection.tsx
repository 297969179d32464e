import { Button } from "@fluentui/react-components";
import { lazy, Suspense, useId, useMemo, type Dispatch } from "react";
import type { PaneData } from "../state/data";
import type { FormAction, FormState } from "../state/form";
import { ActionRow, unavailable } from "./ActionRow";
import { AdvancedOptions } from "./AdvancedOptions";
import { RunFeedback, type PaneView } from "./RunFeedback";
import { SelectionForm } from "./SelectionForm";
import { SourcePicker } from "./SourcePicker";
import { TemplateEditorContext } from "./TemplateEditorContext";

const DataReport = lazy(() => import(/* webpackChunkName: "outcome" */ "./DataReport"));

export interface ChoiceSectionProps {
  pane: PaneView;
  className: string;
  form: FormState;
  choose: Dispatch<FormAction>;
  years: readonly number[];
  /** The averaging rule in one line, and the municipality's name, for the advanced options. */
  averaging: string | null;
  focalName: string;
  data: PaneData | null;
  files: File[];
  setFiles: (files: File[]) => void;
}

/** What to benchmark and where the data comes from, and "Hent data" with its progress and outcome. */
export function ChoiceSection({ pane, className, form, choose, years, averaging, focalName, data, files, setFiles }: ChoiceSectionProps) {
  const { t, lang, services, actions, reasons } = pane;
  const loadId = useId();
  const editorEnv = useMemo(() => ({ services, baseUrl: form.baseUrl }), [services, form.baseUrl]);
  return (
    <section className={className} aria-label={t.selectionHeading}>
      <TemplateEditorContext.Provider value={editorEnv}>
        <SelectionForm t={t} lang={lang} years={years} form={form} dispatch={choose} />
      </TemplateEditorContext.Provider>
      <AdvancedOptions t={t} summary={averaging} focalName={focalName} value={form} onChange={(options) => choose({ type: "options", options })} />
      <SourcePicker
        t={t}
        value={form.source}
        selectionAvailable={Boolean(services.loadSelection)}
        files={files}
        disabled={reasons.busy !== null}
        onChange={(source) => choose({ type: "source", source })}
        onFiles={setFiles}
      />
      <ActionRow reason={reasons.load} reasonId={loadId}>
        <Button appearance="primary" {...unavailable(reasons.load, loadId)} onClick={() => void actions.load("load", form, false)}>
          {t.load}
        </Button>
      </ActionRow>
      <RunFeedback place="load" pane={pane} />
      {data && (data.source !== "sample" || data.warnings.length > 0) && (
        <Suspense fallback={null}>
          <DataReport t={t} lang={lang} data={data} />
        </Suspense>
      )}
    </section>
  );
}
