/**
 * The data the pane opens with: the embedded sample when the source is the sample. The
 * sample lives in the domain chunk, which loads after the first view is on screen
 * (index.tsx), so until then there is no data and the preview says so; the sample's
 * profile appears when the chunk arrives, unless the user has loaded other data first.
 * `startOver` does the same for a source a template workbook sets: its data is dropped,
 * and the sample comes back once the domain chunk is there.
 */
import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from "react";
import { domainArrived, domainLoaded, loadDomain } from "../domain";
import type { PaneServices } from "../services/types";
import { sampleData, type PaneData } from "./data";
import type { SourceKind } from "./form";

export interface StartData {
  data: PaneData | null;
  setData: Dispatch<SetStateAction<PaneData | null>>;
  /** Drop the data for a new source; the sample's data (when it is the sample) follows as soon as it can. */
  startOver: (source: SourceKind) => void;
}

export function useStartData(services: PaneServices, source: SourceKind): StartData {
  const opensWithSample = source === "sample";
  const [data, setData] = useState<PaneData | null>(() => (opensWithSample && domainLoaded() ? sampleData(services) : null));
  useEffect(() => {
    if (!opensWithSample || domainLoaded()) return;
    let mounted = true;
    void domainArrived().then(() => {
      if (mounted) setData((current) => current ?? sampleData(services));
    });
    return () => {
      mounted = false;
    };
    // Only the source the pane opened with counts: a later change of source is the user's choice, not the start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const startOver = useCallback(
    (next: SourceKind) => {
      setData(null);
      if (next === "sample") void loadDomain().then(() => setData((current) => current ?? sampleData(services)));
    },
    [services],
  );
  return { data, setData, startOver };
}
