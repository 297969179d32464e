/**
 * The reference document's published 2017 service profiles for Bærum (seed sections on
 * "Plan, miljø og kultur" and "Tekniske tjenester", 4.2.2): per indicator in template
 * order, [Bærum, network average, lowest, highest, Asker].
 */
export const SEED_2017: Record<"plan-miljo-kultur" | "tekniske-tjenester", number[][]> = {
  "plan-miljo-kultur": [
    [141, 277, 50, 723, 324],
    [158, 272, 103, 567, 12],
    [304, 263, 201, 335, 360],
    [134, 100, 30, 219, 62],
    [282, 263, 203, 456, 241],
    [39, 66, 7, 171, 134],
  ],
  "tekniske-tjenester": [
    [122, 235, 116, 627, 133],
    [404, 536, 308, 1088, 375],
    [609, 588, 465, 715, 624],
    [277363, 372902, 142320, 646780, 285484],
    [1000, 1143, 630, 1525, 989],
    [2550, 2737, 1788, 4075, 2675],
  ],
};

/**
 * A figure at the seed's precision: the seed publishes whole numbers, and a figure computed
 * from its series (road cost per km = f332 gross × 1000 ÷ km) carries floating-point noise
 * far below that, so figures are compared to the millionth.
 */
export const atSeedPrecision = (v: number | null | undefined): number | null | undefined => (typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v);
