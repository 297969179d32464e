import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { KostraError } from "../kostra/errors";
import type { Lang } from "../kostra/types";
import { HostStatus } from "./components/HostStatus";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { PaneHeader } from "./components/PaneHeader";
import { ProfileError } from "./components/ProfileError";
import { ProfileView } from "./components/ProfileView";
import { SampleNotice } from "./components/SampleNotice";
import { SelectionForm } from "./components/SelectionForm";
import { langFromDisplayLanguage, messagesFor } from "./i18n";
import { computeProfile } from "./state/profile";
import { DEFAULT_SELECTION, type Selection } from "./state/selection";
import { sampleSource, type PaneSource } from "./state/source";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "40rem",
    boxSizing: "border-box",
  },
});

export interface AppProps {
  /** True when Office reported an Excel host; outside Excel the pane works on the sample only. */
  inExcel: boolean;
  /** Office's display language (e.g. "nb-NO", "en-US"); bokmål unless it is English. */
  displayLanguage?: string;
  /** The data to benchmark; the embedded synthetic sample unless given. */
  source?: PaneSource;
  initialSelection?: Selection;
}

export function App({ inExcel, displayLanguage, source, initialSelection = DEFAULT_SELECTION }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(() => langFromDisplayLanguage(displayLanguage));
  const [selection, setSelection] = useState<Selection>(initialSelection);
  const data = useMemo(() => source ?? sampleSource(), [source]);
  const result = useMemo(() => computeProfile(data.dataset, selection), [data, selection]);
  const t = messagesFor(lang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <main className={styles.pane}>
      <PaneHeader title={t.appTitle}>
        <LanguageSwitch lang={lang} onChange={setLang} />
      </PaneHeader>
      <HostStatus inExcel={inExcel} outsideExcelText={t.outsideExcel} />
      <SampleNotice text={data.notice[lang]} />
      <SelectionForm t={t} lang={lang} years={data.years} selection={selection} onChange={setSelection} />
      {result.ok ? (
        <ProfileView profile={result.profile} lang={lang} t={t} />
      ) : (
        <ProfileError
          title={t.errorTitle}
          message={result.error instanceof KostraError ? result.error.messageIn(lang) : t.unexpectedError(result.error.message)}
        />
      )}
    </main>
  );
}
