/**
 * Ids of the services the gate's catalogue knows (hosts, cookies and category built in).
 * Plain data, so the settings layer can tell a catalogue adjustment from a custom service
 * without importing the gate (DESIGN.md: a layer never imports a later one).
 */
export const KNOWN_SERVICE_IDS: readonly string[] = Object.freeze([
  'google-analytics',
  'google-tag-manager',
  'google-ads',
  'yandex-metrica',
  'meta-pixel',
  'vk-pixel',
  'hotjar',
  'microsoft-clarity',
  'youtube',
  'yandex-maps',
]);
