import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from "@fluentui/react-components";
import { Caption1, Field, Input } from "../controls";
import { useEffect, useReducer, useState } from "react";
import type { Indicator, Lang, SectorTemplate } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { PaneServices } from "../services/types";
import { domain } from "../domain";
import { editedTemplate, editorFor, editorProblems, editorReducer, type EditorAction, type EditorState } from "../state/editor";
import { staticStyles } from "../styles";
import { TemplateEditorCatalog } from "./TemplateEditorCatalog";
import { TemplateEditorList } from "./TemplateEditorList";
import { TemplateEditorSsb } from "./TemplateEditorSsb";

const styles = staticStyles("template-editor", {
  surface: "max-width:min(40rem, calc(100vw - 16px));padding:16px;",
  content: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalM};`,
  heading: "margin:0;",
  quiet: `color:${tokens.colorNeutralForeground2};margin:0;`,
});

export interface TemplateEditorProps {
  t: Messages;
  lang: Lang;
  /** The template to edit (a built-in one is copied), or null for a new one. */
  template: SectorTemplate | null;
  /** The template chosen in the pane; a new template takes its network and comparisons. */
  current: SectorTemplate | null;
  /** For SSB's table search and metadata; without them only the catalog is offered. */
  services: PaneServices | null;
  baseUrl: string;
  /** Called with the saved template's id once it is registered. */
  onSave: (id: string) => void;
  /** Nothing was changed. */
  onCancel: () => void;
}

/**
 * The template editor, in a modal dialog: name the template; reorder, rename, set the
 * decimals of and remove its indicators; add indicators from the catalog or from an SSB
 * table. Saving registers the template (it joins the picker and is selected); cancelling
 * or Escape changes nothing. Loaded on demand from the template picker.
 */
export default function TemplateEditor({ t, lang, template, current, services, baseUrl, onSave, onCancel }: TemplateEditorProps) {
  const [state, dispatch] = useReducer(
    (s: EditorState, a: EditorAction) => editorReducer(s, a, lang),
    undefined,
    () => editorFor(template, lang, { copy: t.editorCopyName, fresh: t.editorNewName }, current ?? undefined),
  );
  const [status, setStatus] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const titleId = "kb-template-editor-title";
  const needs = (s: EditorState) => editorProblems(s).map((p) => ({ name: t.editorNeedsName, indicators: t.editorNeedsIndicator, label: t.editorNeedsLabel })[p]);
  // What the user has fixed leaves the message as they fix it; what is still wrong stays
  // until the next save (which checks everything again), so no message outlives its cause.
  useEffect(() => {
    setProblems((shown) => (shown.length === 0 ? shown : needs(state)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the template re-checks
  }, [state]);

  const add = (indicator: Indicator): boolean => {
    if (state.items.some((i) => i.id === indicator.id)) return false;
    dispatch({ type: "add", indicator });
    setStatus(t.editorAdded(indicator.label[lang]));
    return true;
  };

  const save = () => {
    const found = needs(state);
    if (found.length) {
      setProblems(found);
      return;
    }
    const { template: saved, indicators } = editedTemplate(state, lang);
    // Saved templates travel in workbook settings and files: never save one that reading would refuse.
    const unreadable = domain().userTemplateShapeProblem({ template: saved, indicators });
    if (unreadable) {
      setProblems([unreadable[lang]]);
      return;
    }
    const refused = domain().registerUserTemplate(saved, indicators);
    if (refused.length) {
      // The catalog's own reasons are for support; the user gets them in one sentence in their language.
      setProblems([t.editorRefused(refused.join("; "))]);
      return;
    }
    onSave(saved.id);
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface className={styles.surface} aria-labelledby={titleId}>
        <DialogBody>
          <DialogTitle id={titleId}>{template ? t.editorTitleEdit(template.label[lang]) : t.editorTitleNew}</DialogTitle>
          <DialogContent className={styles.content}>
            {state.copyOf && template && (
              <Caption1 as="p" className={styles.quiet}>
                {t.editorCopyNote(template.label[lang])}
              </Caption1>
            )}
            <Field label={t.editorNameLabel} required>
              <Input value={state.name} onChange={(_, data) => dispatch({ type: "name", name: data.value })} />
            </Field>
            <TemplateEditorList t={t} lang={lang} state={state} dispatch={dispatch} onStatus={setStatus} />
            <Caption1 as="p" role="status" className={styles.quiet}>
              {status}
            </Caption1>
            <Text as="h3" size={300} weight="semibold" className={styles.heading}>
              {t.editorAddHeading}
            </Text>
            <TemplateEditorCatalog t={t} lang={lang} chosen={state.items.map((i) => i.id)} onAdd={add} />
            {services?.searchSsbTables && services.ssbTableMetadata && (
              <TemplateEditorSsb t={t} lang={lang} services={services} baseUrl={baseUrl} chosen={state.items.map((i) => i.id)} onAdd={add} />
            )}
            {problems.length > 0 && (
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>
                  <MessageBarTitle>{t.editorCannotSave}</MessageBarTitle> {problems.join(" ")}
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={save}>
              {t.editorSave}
            </Button>
            <Button onClick={onCancel}>{t.editorCancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
