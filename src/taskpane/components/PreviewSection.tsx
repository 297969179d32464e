import { Caption1 } from "../controls";
import { lazy, Suspense } from "react";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { ProfileResult } from "../state/profile";

// The preview shows data, which comes with the domain chunk (after the first view): it travels in that chunk.
const ProfilePreview = lazy(() => import(/* webpackChunkName: "domain" */ "./ProfilePreview"));

export interface PreviewSectionProps {
  t: Messages;
  lang: Lang;
  className: string;
  quietClassName: string;
  /** The profile of the loaded data for the current choices; null before data is loaded. */
  result: ProfileResult | null;
}

/** The preview of the profile for the current choices, or why there is none. */
export function PreviewSection({ t, lang, className, quietClassName, result }: PreviewSectionProps) {
  return (
    <section className={className} aria-label={t.previewHeading}>
      {!result ? (
        <Caption1 as="p" className={quietClassName}>
          {t.noData}
        </Caption1>
      ) : (
        <Suspense fallback={null}>
          <ProfilePreview result={result} lang={lang} t={t} />
        </Suspense>
      )}
    </section>
  );
}
