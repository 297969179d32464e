import { tokens } from "@fluentui/react-components";
import { Body1, Checkbox, Field, Select } from "../controls";
import { useEffect, useId, type Dispatch } from "react";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import { REFERENCE_CHOICES, usesKostraGroup, type BaseChoice, type FormAction, type FormState, type ReferenceChoice } from "../state/form";
import { shared, staticStyles } from "../styles";
import { useRegistry } from "../state/useRegistry";

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

/** Which KOSTRA group (the municipality's own unless the user chooses another); the groups come with the registry, which it waits for. */
function KostraGroupPicker({ t, lang, form, dispatch }: BasePickerProps) {
  const { registry, need } = useRegistry();
  // Shown only when a group is asked for: the registry is wanted now, not after the rest of the first view.
  useEffect(need, [need]);
  if (!registry) {
    return (
      <Field label={t.kostraGroupLabel}>
        <Select className={shared.narrow} disabled value="">
          <option value="">{t.municipalitiesLoading}</option>
        </Select>
      </Field>
    );
  }
  const { AGGREGATES, aggregateLabel, codeForYear, kostraGroupOf } = registry;
  const own = kostraGroupOf(form.municipality, form.year);
  const groups = AGGREGATES.filter((a) => a.id.startsWith("ekg") && codeForYear(a, form.year) !== undefined);
  const groupName = (id: string) => aggregateLabel(id, form.year, lang) ?? id;
  const groupValue = form.kostraGroup || own || "";
  return (
    <Field label={t.kostraGroupLabel} validationState={groupValue ? "none" : "warning"} validationMessage={groupValue ? undefined : t.kostraGroupChoose}>
      <Select className={shared.narrow} value={groupValue} onChange={(_, data) => dispatch({ type: "kostraGroup", kostraGroup: data.value === own ? "" : data.value })}>
        {groupValue === "" && (
          <option value="" disabled>
            {t.kostraGroupChoose}
          </option>
        )}
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.id === own ? t.kostraGroupOwn(groupName(g.id)) : groupName(g.id)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * What the index is measured against (the network's average, or a figure SSB publishes:
 * the KOSTRA group, Landet uten Oslo, Landet), which KOSTRA group, and which published
 * figures to show beside the profile.
 */
export function BasePicker({ t, lang, form, dispatch }: BasePickerProps) {
  const bases: BaseChoice[] = form.network === "none" ? ["kostragruppe", "eakuo", "eak"] : ["network", "kostragruppe", "eakuo", "eak"];
  const needsGroup = usesKostraGroup(form);
  const referencesId = useId();

  return (
    <>
      {/* Side by side with the group only when the group is asked for; alone it takes the row. */}
      <div className={needsGroup ? styles.row : undefined}>
        <Field label={t.baseLabel}>
          <Select className={shared.narrow} value={form.base} onChange={(_, data) => dispatch({ type: "base", base: data.value as BaseChoice })}>
            {bases.map((b) => (
              <option key={b} value={b}>
                {baseName(t, b)}
              </option>
            ))}
          </Select>
        </Field>
        {needsGroup && <KostraGroupPicker t={t} lang={lang} form={form} dispatch={dispatch} />}
      </div>
      {/* A group, not a Field: a Field would name every checkbox after its own label. */}
      <div role="group" aria-labelledby={referencesId}>
        <Body1 id={referencesId}>{t.referencesLabel}</Body1>
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
