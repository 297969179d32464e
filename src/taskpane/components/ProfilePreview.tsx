import { KostraError } from "../../kostra/errors";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { ProfileResult } from "../state/profile";
import { ProfileError } from "./ProfileError";
import { ProfileView } from "./ProfileView";

export interface ProfilePreviewProps {
  result: ProfileResult;
  lang: Lang;
  t: Messages;
}

/**
 * The preview of loaded data: the profile, or why the choices give none. One module, loaded
 * with the domain chunk (the data comes with it), so once the first profile is shown an
 * error for other choices appears at once, without loading anything more.
 */
export default function ProfilePreview({ result, lang, t }: ProfilePreviewProps) {
  if (result.ok) return <ProfileView profile={result.profile} sentenceBand={result.sentenceBand} lang={lang} t={t} />;
  const message = result.error instanceof KostraError ? result.error.messageIn(lang) : t.unexpectedError(result.error.message);
  return <ProfileError title={t.errorTitle} message={message} />;
}
