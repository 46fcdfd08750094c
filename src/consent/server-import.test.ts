// @vitest-environment node
import { expect, test, vi } from 'vitest';

test('emits without a window, as during server-side rendering', async () => {
  expect(typeof window).toBe('undefined');
  const { createEmitter } = await import('./emitter');
  const { on, emit } = createEmitter<{ ping: number }>();
  const fn = vi.fn();
  on('ping', fn);
  emit('ping', 1);
  expect(fn).toHaveBeenCalledWith(1);
});

test('imports the whole consent layer without side effects and without a DOM', async () => {
  const consent = await import('./index');
  const env = consent.createBrowserEnvironment();
  env.writeCookie('consentry', 'x', {
    expires: new Date(Date.now() + 1000),
    path: '/',
    sameSite: 'Lax',
    secure: false,
  });
  expect(env.readCookie('consentry')).toBe('x');
});
