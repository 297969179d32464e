/**
 * The domain data and engine the pane works with: the indicator catalog, the municipality
 * registry, the networks, what to fetch for a request (app/), the benchmark, the template settings checker, the SSB address
 * rule, the embedded sample and the rule for combining several data files. They are
 * data-heavy, so the pane loads them as one chunk once its first view is on screen (see
 * ./domain.ts); the first view itself needs only the start modules (./start/startModules, in the first script).
 */
export { indicatorFor, SECTORS, SECTOR_TEMPLATES, templateById, templateIndicators, templatesOfSector } from "../kostra/catalog";
export {
  INDICATORS,
  isUserTemplate,
  registerUserTemplate,
  USER_TEMPLATE_PREFIX,
  userIndicatorFromSsb,
  userTemplateOf,
  type SsbPick,
} from "../kostra/catalog";
export { benchmark, municipalityInYear } from "../kostra/benchmark";
export { membersInYear } from "../kostra/averaging-set";
export { describeAveraging, describeProblem, describeStatus, formatNumber, simpleMark } from "../kostra/describe";
export { averageName } from "../kostra/describe-profile";
export { AGGREGATES, aggregateLabel, codeForYear, kostraGroupMembers, kostraGroupOf, MUNICIPALITIES, municipalityById, lookUpRegion, refForYear, resolveMunicipality, searchMunicipalities } from "../kostra/municipalities";
export { didYouMean } from "../kostra/municipality-errors";
export { registerKostraGroups } from "../kostra/registry/aggregates";
export { NETWORKS, networkById, networkMembers, OSLO_ID } from "../kostra/networks";
export { checkTemplateChoices, describeShape, SETTINGS_SCHEMA_VERSION, userTemplateShapeProblem } from "../report/settings-schema";
export { SAMPLE_NOTICE, sampleDataset } from "../sources/sample";
export { combineInputs } from "../sources/inputs";
export { checkBaseUrl } from "../sources/ssb/base-url";
export { fetchRequest } from "../app/fetch-request";
// The profile of loaded data and the averaging line: the engine's, so they come with it (not in the first script).
export { averagingLine, computeProfile } from "./state/profile";
export { profileSentences } from "../kostra/sentences";
