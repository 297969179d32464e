import { Button, tokens } from "@fluentui/react-components";
import type { Dispatch } from "react";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import { orderedSpan, type FormAction, type FormState } from "../state/form";
import { kostraGroupFor } from "../state/profile";
import { start } from "../domain";
import { staticStyles } from "../styles";
import { BasePicker } from "./BasePicker";
import { ComparisonPicker } from "./ComparisonPicker";
import { MunicipalityPicker } from "./MunicipalityPicker";
import { NetworkPicker } from "./NetworkPicker";
import { TemplatePicker } from "./TemplatePicker";
import { YearPicker } from "./YearPicker";

const styles = staticStyles("selection", {
  group: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};min-width:0;`,
  row: `display:grid;grid-template-columns:minmax(0, 1fr) 6.5em;column-gap:${tokens.spacingHorizontalS};`,
  years: `display:grid;grid-template-columns:repeat(3, minmax(0, 1fr));column-gap:${tokens.spacingHorizontalS};`,
});

export interface SelectionFormProps {
  t: Messages;
  lang: Lang;
  years: readonly number[];
  form: FormState;
  dispatch: Dispatch<FormAction>;
}

/**
 * Adds the members of the municipality's KOSTRA group that the product knows (SSB's
 * grouping is known only in part) to the user's own peers; says how many it knows.
 */
function GroupMembersButton({ t, lang, form, dispatch }: { t: Messages; lang: Lang; form: FormState; dispatch: Dispatch<FormAction> }) {
  const group = kostraGroupFor(form);
  if (!group) return null;
  const { members, count } = start().kostraGroupMembers(group, form.year);
  const known = members.filter((m) => m !== form.municipality);
  const missing = known.filter((m) => !form.peers.includes(m));
  if (known.length === 0) return null;
  const name = start().aggregateLabel(group, form.year, lang) ?? group;
  return (
    <Button
      size="small"
      appearance="subtle"
      disabled={missing.length === 0}
      onClick={() => dispatch({ type: "peers", peers: [...form.peers, ...missing] })}
    >
      {t.addGroupMembers(name, members.length, count)}
    </Button>
  );
}

/** Template, municipality, year, comparisons, network, peers, what = 100 and the time series; every change recomputes the preview. */
export function SelectionForm({ t, lang, years, form, dispatch }: SelectionFormProps) {
  return (
    <div className={styles.group}>
      <TemplatePicker label={t.templateLabel} lang={lang} value={form.sector} onChange={(sector) => dispatch({ type: "sector", sector })} />
      <div className={styles.row}>
        <MunicipalityPicker
          t={t}
          lang={lang}
          year={form.year}
          value={form.municipality}
          onChange={(municipality) => dispatch({ type: "municipality", municipality })}
        />
        <YearPicker label={t.yearLabel} years={years} value={form.year} onChange={(year) => dispatch({ type: "year", year })} />
      </div>
      <ComparisonPicker
        t={t}
        year={form.year}
        focal={form.municipality}
        value={form.comparisons}
        onChange={(comparisons) => dispatch({ type: "comparisons", comparisons })}
      />
      <div className={styles.years}>
        <NetworkPicker t={t} value={form.network} onChange={(network) => dispatch({ type: "network", network })} />
        <YearPicker
          label={t.spanFromLabel}
          years={years}
          value={form.span.from}
          onChange={(from) => dispatch({ type: "span", span: orderedSpan({ ...form.span, from }, "from") })}
        />
        <YearPicker
          label={t.spanToLabel}
          years={years}
          value={form.span.to}
          onChange={(to) => dispatch({ type: "span", span: orderedSpan({ ...form.span, to }, "to") })}
        />
      </div>
      {form.network === "custom" && (
        <ComparisonPicker
          t={t}
          year={form.year}
          focal={form.municipality}
          value={form.peers}
          onChange={(peers) => dispatch({ type: "peers", peers })}
          texts={{ label: t.peersLabel, hint: t.peersHint, placeholder: t.comparisonsPlaceholder }}
        />
      )}
      {form.network === "custom" && <GroupMembersButton t={t} lang={lang} form={form} dispatch={dispatch} />}
      <BasePicker t={t} lang={lang} form={form} dispatch={dispatch} />
    </div>
  );
}
