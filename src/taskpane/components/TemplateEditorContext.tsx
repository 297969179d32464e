import { createContext } from "react";
import type { PaneServices } from "../services/types";

/**
 * What the template editor needs from the App beyond the picker's own props: the services
 * (for SSB's table search and metadata) and the proxy address the user chose for SSB.
 */
export interface TemplateEditorEnv {
  services: PaneServices;
  baseUrl: string;
}

export const TemplateEditorContext = createContext<TemplateEditorEnv | null>(null);
