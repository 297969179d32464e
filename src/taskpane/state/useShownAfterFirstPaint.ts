/** Whether to show what can wait for the first view: at once unless asked to wait, else once the first frame has been painted. */
import { useEffect, useState } from "react";
import { afterNextPaint } from "../afterPaint";

export function useShownAfterFirstPaint(wait: boolean): boolean {
  const [shown, setShown] = useState(!wait);
  useEffect(() => {
    if (shown) return;
    let live = true;
    void afterNextPaint().then(() => live && setShown(true));
    return () => {
      live = false;
    };
  }, [shown]);
  return shown;
}
