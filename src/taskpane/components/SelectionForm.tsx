import { tokens } from "@fluentui/react-components";
import { lazy, Suspense, type Dispatch } from "react";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import { orderedSpan, type FormAction, type FormState } from "../state/form";
import { staticStyles } from "../styles";
import { loadRegistry } from "../domain";
import { BasePicker } from "./BasePicker";
import { ComparisonPicker } from "./ComparisonPicker";
import { MunicipalityPicker } from "./MunicipalityPicker";
import { NetworkPicker } from "./NetworkPicker";
import { TemplatePicker } from "./TemplatePicker";
import { YearPicker } from "./YearPicker";

// Offered only for the user's own comparison municipalities, so it loads when that network is chosen (with the registry it reads the group from).
const GroupMembersButton = lazy(() => loadRegistry().then(() => import(/* webpackChunkName: "advanced" */ "./GroupMembersButton")));

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
        lang={lang}
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
          lang={lang}
          year={form.year}
          focal={form.municipality}
          value={form.peers}
          onChange={(peers) => dispatch({ type: "peers", peers })}
          texts={{ label: t.peersLabel, hint: t.peersHint, placeholder: t.comparisonsPlaceholder }}
        />
      )}
      {form.network === "custom" && (
        <Suspense fallback={null}>
          <GroupMembersButton t={t} lang={lang} form={form} dispatch={dispatch} />
        </Suspense>
      )}
      <BasePicker t={t} lang={lang} form={form} dispatch={dispatch} />
    </div>
  );
}
