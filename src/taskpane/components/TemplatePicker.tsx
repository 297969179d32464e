import { Button, tokens } from "@fluentui/react-components";
import { Caption1, Field, Select } from "../controls";
import { lazy, Suspense, useContext, useRef, useState } from "react";

import type { Lang } from "../../kostra/types";
import { messagesFor } from "../i18n";
import { shared, staticStyles } from "../styles";
import { domain, domainLoaded, loadDomain, start } from "../domain";
import { TemplateEditorContext } from "./TemplateEditorContext";

// The editor is opened from here now and then, so it loads on demand.
const TemplateEditor = lazy(() => loadDomain().then(() => import(/* webpackChunkName: "template-editor" */ "./TemplateEditor")));

const styles = staticStyles("template-picker", {
  row: `display:flex;flex-wrap:wrap;column-gap:${tokens.spacingHorizontalS};row-gap:${tokens.spacingVerticalXS};margin-top:${tokens.spacingVerticalXS};`,
});

export interface TemplatePickerProps {
  label: string;
  lang: Lang;
  value: string;
  onChange: (sector: string) => void;
}

/** The sector templates grouped by sector, the user's own last (a native list with groups: the pane's Select, ../controls); and the buttons that open the template editor. */
export function TemplatePicker({ label, lang, value, onChange }: TemplatePickerProps) {
  const t = messagesFor(lang);
  const env = useContext(TemplateEditorContext);
  const [editing, setEditing] = useState<"edit" | "new" | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const d = start();
  const templates = d.templates();
  const selected = templates.find((x) => x.id === value);
  const groups = d.SECTORS.map((s) => ({ id: s.id, label: s.label[lang], templates: templates.filter((x) => x.sector === s.id && !d.isUserTemplate(x.id)) }));
  const known = new Set(groups.flatMap((g) => g.templates.map((x) => x.id)));
  const rest = templates.filter((x) => !known.has(x.id));
  // The editor needs the whole template; it opens once the catalog has loaded (the pane renders again then).
  const full = domainLoaded() ? (domain().templateById(value) ?? null) : null;

  const close = (savedId: string | null) => {
    const opener = editing === "new" ? newButton : editButton;
    setEditing(null);
    if (savedId) {
      setSaved(domain().templateById(savedId)?.label[lang] ?? savedId);
      onChange(savedId);
    }
    // Focus goes back where the user opened the editor from.
    setTimeout(() => opener.current?.focus(), 0);
  };

  return (
    <div>
      <Field label={label}>
        <Select
          className={shared.narrow}
          value={value}
          onChange={(_, data) => {
            setSaved(null);
            onChange(data.value);
          }}
        >
          {/* A template the lists do not know yet (a user's own, before the catalog has loaded) stays the choice. */}
          {!selected && <option value={value}>{value}</option>}
          {groups
            .filter((g) => g.templates.length > 0)
            .map((g) => (
              <optgroup key={g.id} label={g.label}>
                {g.templates.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.label[lang]}
                  </option>
                ))}
              </optgroup>
            ))}
          {rest.length > 0 && (
            <optgroup label={t.userTemplatesGroup}>
              {rest.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.label[lang]}
                </option>
              ))}
            </optgroup>
          )}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button size="small" ref={editButton} disabled={!selected} onClick={() => setEditing("edit")}>
          {t.editTemplate}
        </Button>
        <Button size="small" ref={newButton} onClick={() => setEditing("new")}>
          {t.newTemplate}
        </Button>
      </div>
      {saved && (
        <Caption1 as="p" role="status" style={{ margin: 0 }}>
          {t.editorSaved(saved)}
        </Caption1>
      )}
      {editing && (
        <Suspense fallback={<Caption1 role="status">{t.editorOpening}</Caption1>}>
          <TemplateEditor
            t={t}
            lang={lang}
            template={editing === "edit" ? full : null}
            current={full}
            services={env?.services ?? null}
            baseUrl={env?.baseUrl ?? ""}
            onSave={(id) => close(id)}
            onCancel={() => close(null)}
          />
        </Suspense>
      )}
    </div>
  );
}
