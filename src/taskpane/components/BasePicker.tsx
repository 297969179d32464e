import { Checkbox, Dropdown, Field, Label, Option, tokens } from "@fluentui/react-components";
import { useId, type Dispatch } from "react";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import { REFERENCE_CHOICES, usesKostraGroup, type BaseChoice, type FormAction, type FormState, type ReferenceChoice } from "../state/form";
import { shared, staticStyles } from "../styles";
import { start } from "../domain";

const styles = staticStyles("base", {
  row: `display:grid;grid-template-columns:repeat(2, minmax(0, 1fr));column-gap:${tokens.spacingHorizontalS};`,
  checks: `display:flex;flex-wrap:wrap;column-gap:${tokens.spacingHorizontalS};`,
});

export interface BasePickerProps {
  t: Messages;
  lang: Lang;
  form: FormState;
  dispatch: Dispatch<FormAction>;
}

const baseName = (t: Messages, b: BaseChoice): string =>
  ({ network: t.baseNetwork, kostragruppe: t.baseKostraGroup, eakuo: t.baseEakuo, eak: t.baseEak })[b];
const referenceName = (t: Messages, r: ReferenceChoice): string =>
  ({ kostragruppe: t.referenceKostraGroup, eakuo: t.referenceEakuo, eak: t.referenceEak })[r];

/**
 * What the index is measured against (the network's average, or a figure SSB publishes:
 * the KOSTRA group, Landet uten Oslo, Landet), which KOSTRA group, and which published
 * figures to show beside the profile.
 */
export function BasePicker({ t, lang, form, dispatch }: BasePickerProps) {
  const { AGGREGATES, aggregateLabel, codeForYear, kostraGroupOf } = start();
  const bases: BaseChoice[] = form.network === "none" ? ["kostragruppe", "eakuo", "eak"] : ["network", "kostragruppe", "eakuo", "eak"];
  const own = kostraGroupOf(form.municipality, form.year);
  const groups = AGGREGATES.filter((a) => a.id.startsWith("ekg") && codeForYear(a, form.year) !== undefined);
  const groupName = (id: string) => aggregateLabel(id, form.year, lang) ?? id;
  const groupValue = form.kostraGroup || own || "";
  const needsGroup = usesKostraGroup(form);
  const referencesId = useId();

  return (
    <>
      {/* Side by side with the group only when the group is asked for; alone it takes the row. */}
      <div className={needsGroup ? styles.row : undefined}>
        <Field label={t.baseLabel}>
          <Dropdown
            className={shared.narrow}
            value={baseName(t, form.base)}
            selectedOptions={[form.base]}
            onOptionSelect={(_, data) => data.optionValue && dispatch({ type: "base", base: data.optionValue as BaseChoice })}
          >
            {bases.map((b) => (
              <Option key={b} value={b}>
                {baseName(t, b)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {needsGroup && (
          <Field label={t.kostraGroupLabel} validationState={groupValue ? "none" : "warning"} validationMessage={groupValue ? undefined : t.kostraGroupChoose}>
            <Dropdown
              className={shared.narrow}
              placeholder={t.kostraGroupChoose}
              value={groupValue ? groupName(groupValue) : ""}
              selectedOptions={groupValue ? [groupValue] : []}
              onOptionSelect={(_, data) => data.optionValue !== undefined && dispatch({ type: "kostraGroup", kostraGroup: data.optionValue === own ? "" : data.optionValue })}
            >
              {groups.map((g) => (
                <Option key={g.id} value={g.id} text={groupName(g.id)}>
                  {g.id === own ? t.kostraGroupOwn(groupName(g.id)) : groupName(g.id)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
      </div>
      {/* A group, not a Field: a Field would name every checkbox after its own label. */}
      <div role="group" aria-labelledby={referencesId}>
        <Label id={referencesId}>{t.referencesLabel}</Label>
        <div className={styles.checks}>
          {REFERENCE_CHOICES.map((r) => (
            <Checkbox
              key={r}
              label={referenceName(t, r)}
              checked={form.references.includes(r)}
              onChange={(_, data) =>
                dispatch({ type: "references", references: data.checked ? [...form.references, r] : form.references.filter((x) => x !== r) })
              }
            />
          ))}
        </div>
      </div>
    </>
  );
}
