/**
 * The template settings the open workbook carries, read once when the pane opens (reading
 * changes nothing in the workbook). A template workbook opens on its own choices; a proxy
 * address among them is only proposed to the user (see ./proxyProposal).
 */
import { useEffect, useRef, useState, type Dispatch } from "react";
import type { PaneServices } from "../services/types";
import type { FormAction, FormState, SourceKind } from "./form";
import { actions } from "./lazyActions";
import type { ProxyProposal } from "./proxyProposal";
import type { TemplateState } from "./template";

export function useWorkbookTemplate(
  services: PaneServices,
  dispatch: Dispatch<FormAction>,
  /** The choices now (the user's remembered ones): what the settings do not say stays as it is. */
  form: FormState,
  /** Called with the template's source: unless it is the sample, the sample's figures must not stand in. */
  onSource: (source: SourceKind) => void,
  /** Called with the proxy address the settings propose, when it differs from SSB itself. */
  onProxyProposal: (proposal: ProxyProposal | null) => void,
): [TemplateState, (template: TemplateState) => void] {
  const [template, setTemplate] = useState<TemplateState>(() => ({ kind: services.readTemplate ? "reading" : "none" }));
  const callbacks = useRef({ form, onSource, onProxyProposal });
  useEffect(() => {
    callbacks.current = { form, onSource, onProxyProposal };
  });
  useEffect(() => {
    if (!services.readTemplate) return;
    let live = true;
    Promise.all([services.readTemplate(), actions()]).then(
      ([read, a]) => {
        if (!live) return;
        if (read.kind === "ok") {
          const form = a.formFromSettings(read.settings, callbacks.current.form);
          dispatch({ type: "replace", form });
          callbacks.current.onSource(form.source);
          callbacks.current.onProxyProposal(a.proxyProposalFor(read.settings.source, form.baseUrl, "workbook"));
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
