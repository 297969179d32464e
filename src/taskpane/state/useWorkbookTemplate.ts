/**
 * The template settings the open workbook carries, read once when the pane opens (reading
 * changes nothing in the workbook). A template workbook opens on its own choices.
 */
import { useEffect, useRef, useState, type Dispatch } from "react";
import type { PaneServices } from "../services/types";
import type { FormAction } from "./form";
import { actions } from "./lazyActions";
import type { TemplateState } from "./template";

export function useWorkbookTemplate(
  services: PaneServices,
  dispatch: Dispatch<FormAction>,
  /** Called when the template's source is not the sample, whose figures must then not stand in. */
  onOtherSource: () => void,
): [TemplateState, (template: TemplateState) => void] {
  const [template, setTemplate] = useState<TemplateState>(() => ({ kind: services.readTemplate ? "reading" : "none" }));
  const otherSource = useRef(onOtherSource);
  useEffect(() => {
    otherSource.current = onOtherSource;
  });
  useEffect(() => {
    if (!services.readTemplate) return;
    let live = true;
    Promise.all([services.readTemplate(), actions()]).then(
      ([read, a]) => {
        if (!live) return;
        if (read.kind === "ok") {
          const form = a.formFromSettings(read.settings);
          dispatch({ type: "replace", form });
          if (form.source !== "sample") otherSource.current();
          setTemplate({ kind: "ok", settings: read.settings });
        } else setTemplate(read);
      },
      (error: unknown) => live && setTemplate({ kind: "failed", error }),
    );
    return () => {
      live = false;
    };
  }, [services, dispatch]);
  return [template, setTemplate];
}
