/**
 * The data the pane opens with: the embedded sample when the source is the sample. The
 * sample lives in the domain chunk, which loads after the first view is on screen
 * (index.tsx), so until then there is no data and the preview says so; the sample's
 * profile appears when the chunk arrives, unless the user has loaded other data first.
 */
import { useEffect, useState, type Dispatch, type SetStateAction } from "react";
import { domainArrived, domainLoaded } from "../domain";
import type { PaneServices } from "../services/types";
import { sampleData, type PaneData } from "./data";
import type { SourceKind } from "./form";

export function useStartData(services: PaneServices, source: SourceKind): [PaneData | null, Dispatch<SetStateAction<PaneData | null>>] {
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
  return [data, setData];
}
