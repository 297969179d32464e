/** What the user has chosen: sector template, municipality (stable id) and data year. */
export interface Selection {
  sector: string;
  municipality: string;
  year: number;
}

export const DEFAULT_SELECTION: Selection = { sector: "plan-miljo-kultur", municipality: "baerum", year: 2017 };
