import { Switch } from "../controls";
import type { Lang } from "../../kostra/types";

export interface LanguageSwitchProps {
  lang: Lang;
  onChange: (lang: Lang) => void;
}

/** Switches the pane between bokmål and English; labelled in English so an English reader finds it. */
export function LanguageSwitch({ lang, onChange }: LanguageSwitchProps) {
  return (
    <Switch
      label={<span lang="en">English</span>}
      checked={lang === "en"}
      onChange={(_, data) => onChange(data.checked ? "en" : "nb")}
    />
  );
}
