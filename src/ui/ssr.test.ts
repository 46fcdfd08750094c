// @vitest-environment node
import { expect, test } from 'vitest';

test('the UI module can be imported on a server without a DOM', async () => {
  expect(typeof document).toBe('undefined');
  const ui = await import('./index');
  expect(typeof ui.mountUi).toBe('function');
  expect(ui.resolveLanguage({ language: 'ru-RU', texts: {} })).toBe('ru');
});
