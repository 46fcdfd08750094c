import type { Consentry } from '../src/entries/types';

declare global {
  interface Window {
    consentry: Consentry & { init(settings: unknown): void };
  }
}
