/** Replaced at build time (rollup) and in tests (vitest) by the package version. */
declare const __CONSENTRY_VERSION__: string;
