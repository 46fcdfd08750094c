export { installGate, type Gate, type GateOptions } from './gate';
export { CATALOGUE, type CatalogueEntry } from './catalogue';
export { cataloguePolicy, type GatePolicy, type GateService, type Match } from './rules';
export { domainLevels, pathLevels } from './domain-levels';
export { parseCookieWrite, type CookieWrite } from './cookie-string';
export { policyFromSettings } from './policy';
export { removeDenied } from './cleanup';
export { releaseAllowed } from './release';
