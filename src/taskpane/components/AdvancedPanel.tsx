import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, tokens } from "@fluentui/react-components";
import { Checkbox, Field, Input, Radio, RadioGroup } from "../controls";
import { useState } from "react";
import { DEFAULT_SENTENCE_BAND, MAX_SENTENCE_BAND } from "../../kostra/limits";
import { checkBaseUrl } from "../../sources/ssb/base-url";
import { BUILT_PROXY_URL, PANE_DEFAULT_BASE_URL } from "../services/ssbAddress";
import type { Messages } from "../i18n";
import type { AdvancedOptions as Options } from "../state/form";
import { choosePrices, pricesValue } from "../state/prices";
import { staticStyles } from "../styles";

const styles = staticStyles("advanced", {
  panel: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};margin:0 0 ${tokens.spacingVerticalS} 0;`,
  // The header's own padding would indent it from the fields above.
  header: `margin-left:calc(-1 * ${tokens.spacingHorizontalM});`,
});

export interface AdvancedPanelProps {
  t: Messages;
  focalName: string;
  value: Options;
  onChange: (options: Partial<Options>) => void;
}

/**
 * The advanced options, folded away in an accordion: averaging, Oslo and the municipality
 * itself, the chart's series and SSB's address. Loaded on demand (see AdvancedOptions).
 */
export default function AdvancedPanel({ t, focalName, value, onChange }: AdvancedPanelProps) {
  // The same rule as for an address from a workbook or the command line (https, no user name, no query).
  const url = value.baseUrl.trim() ? checkBaseUrl(value.baseUrl) : null;
  return (
    <Accordion collapsible>
      <AccordionItem value="advanced">
        <AccordionHeader className={styles.header} size="small">
          {t.advancedHeading}
        </AccordionHeader>
        <AccordionPanel>
          <div className={styles.panel}>
            <Field group label={t.averageLabel}>
              <RadioGroup
                value={value.average}
                onChange={(_, data) => onChange({ average: data.value === "weighted" || data.value === "indicator" ? data.value : "simple" })}
              >
                <Radio value="simple" label={t.averageSimple} />
                <Radio value="weighted" label={t.averageWeighted} />
                <Radio value="indicator" label={t.averageIndicator} />
              </RadioGroup>
            </Field>
            <Checkbox checked={value.includeOslo} label={t.includeOslo} onChange={(_, data) => onChange({ includeOslo: data.checked === true })} />
            <Checkbox
              checked={value.includeFocal}
              label={t.includeFocal(focalName)}
              onChange={(_, data) => onChange({ includeFocal: data.checked === true })}
            />
            <Checkbox
              checked={value.chartComparisons}
              label={t.chartComparisons}
              onChange={(_, data) => onChange({ chartComparisons: data.checked === true })}
            />
            <Checkbox
              checked={value.mergedHistory === "sum"}
              label={t.mergedHistorySum}
              onChange={(_, data) => onChange({ mergedHistory: data.checked === true ? "sum" : "break" })}
            />
            <Field group label={t.pricesLabel} hint={t.pricesHint}>
              <RadioGroup value={pricesValue(value.prices)} onChange={(_, data) => onChange({ prices: choosePrices(value.prices, data.value) })}>
                <Radio value="nominal" label={t.pricesNominal} />
                <Radio value="kommunal-deflator" label={t.pricesDeflator} />
                <Radio value="kpi" label={t.pricesKpi} />
              </RadioGroup>
            </Field>
            <SentenceBandField t={t} value={value.sentenceBand} onChange={(sentenceBand) => onChange({ sentenceBand })} />
            <Field
              label={t.baseUrlLabel}
              hint={BUILT_PROXY_URL ? t.baseUrlHintSharedCache(BUILT_PROXY_URL) : t.baseUrlHint(PANE_DEFAULT_BASE_URL)}
              validationState={url && !url.ok ? "error" : "none"}
              validationMessage={url && !url.ok ? t.inLanguage(url.reason) : undefined}
            >
              <Input type="url" value={value.baseUrl} placeholder={PANE_DEFAULT_BASE_URL} onChange={(_, data) => onChange({ baseUrl: data.value })} />
            </Field>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

/**
 * How close to the average the sentences call "på nivå med snittet": whole per cent, 0–50;
 * empty means the default. What is typed stays in the field; only a valid band is used.
 */
function SentenceBandField({ t, value, onChange }: { t: Messages; value: number | undefined; onChange: (band: number | undefined) => void }) {
  const shown = value === undefined ? "" : String(value);
  const [typed, setTyped] = useState(shown);
  // A band from elsewhere (a template workbook's settings) replaces what was typed.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setTyped(shown);
  }
  const trimmed = typed.trim();
  const band = /^\d{1,2}$/.test(trimmed) ? Number(trimmed) : NaN;
  const valid = trimmed === "" || band <= MAX_SENTENCE_BAND;
  return (
    <Field label={t.sentenceBandLabel} hint={t.sentenceBandHint} validationState={valid ? "none" : "error"} validationMessage={valid ? undefined : t.sentenceBandInvalid}>
      <Input
        type="text"
        inputMode="numeric"
        value={typed}
        placeholder={String(DEFAULT_SENTENCE_BAND)}
        onChange={(_, data) => {
          setTyped(data.value);
          const text = data.value.trim();
          if (text === "") onChange(undefined);
          else if (/^\d{1,2}$/.test(text) && Number(text) <= MAX_SENTENCE_BAND) onChange(Number(text));
        }}
      />
    </Field>
  );
}
