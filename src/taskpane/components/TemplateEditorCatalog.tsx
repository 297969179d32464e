import { Button, tokens } from "@fluentui/react-components";
import { Caption1, Field, Input } from "../controls";
import { useMemo, useRef, useState } from "react";
import type { Indicator, Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import { domain } from "../domain";
import { catalogMatches } from "../state/editor";
import { staticStyles } from "../styles";

const styles = staticStyles("template-editor-catalog", {
  list: `list-style:none;margin:0;padding:0;display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalXS};`,
  item: `display:grid;grid-template-columns:minmax(0, 1fr) auto;column-gap:${tokens.spacingHorizontalS};align-items:center;`,
  text: "display:flex;flex-direction:column;min-width:0;",
  quiet: `color:${tokens.colorNeutralForeground2};margin:0;`,
});

/** How many matches are listed at once; typing more narrows them down. */
const SHOWN = 8;

export interface TemplateEditorCatalogProps {
  t: Messages;
  lang: Lang;
  /** Indicators already in the template (not offered again). */
  chosen: readonly string[];
  onAdd: (indicator: Indicator) => boolean;
}

/** Find indicators in the catalog by name or sector and add them to the template. */
export function TemplateEditorCatalog({ t, lang, chosen, onAdd }: TemplateEditorCatalogProps) {
  const [text, setText] = useState("");
  // The added indicator leaves the list, so the focus goes back to the search box.
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => catalogMatches(text, lang, chosen), [text, lang, chosen]);
  const sectorOf = (ind: Indicator) => domain().SECTORS.find((s) => s.id === ind.sector)?.label[lang];
  return (
    <div>
      <Field label={t.editorCatalogLabel} hint={t.editorCatalogHint}>
        <Input ref={input} type="search" value={text} onChange={(_, data) => setText(data.value)} />
      </Field>
      {text.trim() && matches.length === 0 && (
        <Caption1 as="p" role="status" className={styles.quiet}>
          {t.editorCatalogNoMatch}
        </Caption1>
      )}
      {matches.length > 0 && (
        <ul className={styles.list} aria-label={t.editorCatalogLabel}>
          {matches.slice(0, SHOWN).map((ind) => (
            <li key={ind.id} className={styles.item}>
              <span className={styles.text}>
                <span>{ind.label[lang]}</span>
                <Caption1 className={styles.quiet}>{[sectorOf(ind), ind.unit[lang]].filter(Boolean).join(" · ")}</Caption1>
              </span>
              <Button size="small" aria-label={t.editorAddNamed(ind.label[lang])} onClick={() => {
                  onAdd(ind);
                  input.current?.focus();
                }}>
                {t.editorAdd}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {matches.length > SHOWN && (
        <Caption1 as="p" className={styles.quiet}>
          {t.editorCatalogMore(matches.length - SHOWN)}
        </Caption1>
      )}
    </div>
  );
}
