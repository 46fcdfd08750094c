import { afterEach, describe, expect, test } from 'vitest';
import { receiveChunks, registerChunk, shareUiKit } from './chunks';

afterEach(() => {
  delete (window as unknown as { __consentryChunks?: unknown }).__consentryChunks;
});

describe('the script tag’s files meeting on window', () => {
  test('a file registered after the synchronous one started is received at once', () => {
    const received: [string, unknown][] = [];
    receiveChunks(window, (name, value) => received.push([name, value]));
    registerChunk('core', 1);
    expect(received).toEqual([['core', 1]]);
  });

  test('a file that arrived first waits, with the shared kit, until the synchronous one starts', () => {
    registerChunk('ui', 'mount');
    shareUiKit({ jsx: 'kit' });
    const received: [string, unknown][] = [];
    receiveChunks(window, (name, value) => received.push([name, value]));
    expect(received).toEqual([['ui', 'mount']]);
    expect((window as unknown as { __consentryChunks: { kit: unknown } }).__consentryChunks.kit).toEqual({
      jsx: 'kit',
    });
  });
});
