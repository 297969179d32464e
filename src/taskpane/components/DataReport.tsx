import { tokens } from "@fluentui/react-components";
import { Caption1 } from "../controls";

import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import { formatDateTime, formatList } from "../i18n/format";

import type { PaneData } from "../state/data";
import { staticStyles } from "../styles";

import { OutcomeBar } from "./OutcomeBar";
import { domain } from "../domain";


const styles = staticStyles("data", {
  wrap: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};`,
  line: `color:${tokens.colorNeutralForeground2};overflow-wrap:anywhere;margin:0;`,
});

/** Warnings shown in full up to this many; the rest are counted. */
const MAX_WARNINGS = 5;

export interface DataReportProps {
  t: Messages;
  lang: Lang;
  data: PaneData;
}

/** Where the loaded data came from and when, what an SSB load lacks, what came from the cache, and the readers' warnings. */
export function DataReport({ t, lang, data }: DataReportProps) {
  const time = formatDateTime(data.loadedAt, lang);
  const line =
    data.source === "ssb"
      ? t.dataSsb(time, data.ssb?.requests ?? 0)
      : data.source === "file"
        ? t.dataFile(data.fileNames.join(", "), time)
        : data.source === "selection"
          ? t.dataSelection(data.address ?? "", time)
          : null;
  const missing = data.ssb && !data.ssb.complete ? data.ssb.missing : [];
  const cached = data.ssb?.fromCache ?? [];
  const warnings = data.warnings.map((w) => w[lang]);
  const shownWarnings = warnings.length > MAX_WARNINGS ? [...warnings.slice(0, MAX_WARNINGS), t.moreWarnings(warnings.length - MAX_WARNINGS)] : warnings;

  return (
    <div className={styles.wrap}>
      {line && (
        <Caption1 as="p" className={styles.line}>
          {line}
        </Caption1>
      )}
      {missing.length > 0 && (
        <OutcomeBar
          message={{
            intent: "warning",
            title: t.incompleteTitle,
            body: t.incompleteBody,
            list: missing.map((m) =>
              t.missingItem(domain().indicatorFor(m.indicator)?.label[lang] ?? m.indicator, formatList(m.years.map(String), lang), m.reason[lang]),
            ),
          }}
        />
      )}
      {cached.length > 0 && (
        <OutcomeBar
          message={{
            intent: "info",
            title: t.cacheTitle,
            list: cached.map((c) => t.cacheItem(c.table, formatDateTime(c.fetchedAt, lang)) + (c.stale ? t.cacheStale : "")),
          }}
        />
      )}
      {shownWarnings.length > 0 && <OutcomeBar message={{ intent: "warning", title: t.warningsTitle, list: shownWarnings }} />}
    </div>
  );
}

export default DataReport;
