import { makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { Selection } from "../state/selection";
import { MunicipalityPicker } from "./MunicipalityPicker";
import { TemplatePicker } from "./TemplatePicker";
import { YearPicker } from "./YearPicker";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 6.5em", columnGap: tokens.spacingHorizontalS },
});

export interface SelectionFormProps {
  t: Messages;
  lang: Lang;
  years: readonly number[];
  selection: Selection;
  onChange: (selection: Selection) => void;
}

/** Template, municipality and year; every change recomputes the profile at once. */
export function SelectionForm({ t, lang, years, selection, onChange }: SelectionFormProps) {
  const styles = useStyles();
  return (
    <form className={styles.form} aria-label={t.selectionHeading} onSubmit={(e) => e.preventDefault()}>
      <TemplatePicker
        label={t.templateLabel}
        lang={lang}
        value={selection.sector}
        onChange={(sector) => onChange({ ...selection, sector })}
      />
      <div className={styles.row}>
        <MunicipalityPicker
          t={t}
          lang={lang}
          year={selection.year}
          value={selection.municipality}
          onChange={(municipality) => onChange({ ...selection, municipality })}
        />
        <YearPicker label={t.yearLabel} years={years} value={selection.year} onChange={(year) => onChange({ ...selection, year })} />
      </div>
    </form>
  );
}
