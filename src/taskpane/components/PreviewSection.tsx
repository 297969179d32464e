import { Caption1 } from "@fluentui/react-components";
import { KostraError } from "../../kostra/errors";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { ProfileResult } from "../state/profile";
import { ProfileError } from "./ProfileError";
import { ProfileView } from "./ProfileView";

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
      ) : result.ok ? (
        <ProfileView profile={result.profile} lang={lang} t={t} />
      ) : (
        <ProfileError title={t.errorTitle} message={result.error instanceof KostraError ? result.error.messageIn(lang) : t.unexpectedError(result.error.message)} />
      )}
    </section>
  );
}
