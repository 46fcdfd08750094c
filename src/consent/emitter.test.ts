import { describe, expect, test, vi } from 'vitest';

import { createEmitter } from './emitter';

interface TestEvents {
  ping: { n: number };
  other: string;
}

describe('the emitter', () => {
  test('calls each listener of an event with its payload', () => {
    const { on, emit } = createEmitter<TestEvents>();
    const first = vi.fn();
    const second = vi.fn();
    const other = vi.fn();
    on('ping', first);
    on('ping', second);
    on('other', other);
    emit('ping', { n: 1 });
    expect(first).toHaveBeenCalledWith({ n: 1 });
    expect(second).toHaveBeenCalledWith({ n: 1 });
    expect(other).not.toHaveBeenCalled();
  });

  test('stops calling a listener after its unsubscribe', () => {
    const { on, emit } = createEmitter<TestEvents>();
    const fn = vi.fn();
    const off = on('ping', fn);
    off();
    off();
    emit('ping', { n: 1 });
    expect(fn).not.toHaveBeenCalled();
  });

  test('keeps calling the other listeners when one throws, and reports it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { on, emit } = createEmitter<TestEvents>();
    const after = vi.fn();
    on('ping', () => {
      throw new Error('site bug');
    });
    on('ping', after);
    emit('ping', { n: 2 });
    expect(after).toHaveBeenCalledWith({ n: 2 });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('"ping"'), expect.any(Error));
  });

  test('mirrors each event as a consentry: CustomEvent on window', () => {
    const { emit } = createEmitter<TestEvents>();
    const seen = vi.fn();
    window.addEventListener('consentry:ping', (event) => seen((event as CustomEvent).detail));
    emit('ping', { n: 3 });
    expect(seen).toHaveBeenCalledWith({ n: 3 });
  });
});
