import { describe, expect, it } from 'vitest';
import { isFromExtensionPage, parseMessage, parseReaderPortRequest } from '../../src/shared/messages';

describe('messages', () => {
  it('accept well-formed commands', () => {
    expect(parseMessage({ type: 'run-command', command: 'increase-text-size', tabId: 4 })).toEqual({
      type: 'run-command',
      command: 'increase-text-size',
      tabId: 4,
    });
    expect(parseMessage({ type: 'attach-tab', tabId: 0 })).toEqual({ type: 'attach-tab', tabId: 0 });
    expect(parseMessage({ type: 'run-command', command: 'read-aloud', tabId: 2 })).toMatchObject({ command: 'read-aloud' });
    expect(parseMessage({ type: 'load-page-tool', tool: 'line-focus', extra: 1 })).toEqual({ type: 'load-page-tool', tool: 'line-focus' });
  });

  it('drop anything else', () => {
    for (const bad of [
      null,
      'run-command',
      { type: 'run-command', command: 'format-disk', tabId: 1 },
      { type: 'run-command', command: 'increase-text-size', tabId: '1' },
      { type: 'run-command', command: 'increase-text-size', tabId: -1 },
      { type: 'run-command', command: 'increase-text-size', tabId: 1.5 },
      { type: 'unknown', tabId: 1 },
      // Only our own feature scripts can be asked for, by name: never a path.
      { type: 'load-page-tool', tool: '../content/main.iife.js' },
      { type: 'load-page-tool' },
    ]) {
      expect(parseMessage(bad)).toBeUndefined();
    }
  });

  it('are taken only from pages of this extension', () => {
    const id = 'abc';
    const origin = 'chrome-extension://abc/';
    expect(isFromExtensionPage({ id, url: 'chrome-extension://abc/src/popup/index.html' }, id, origin)).toBe(true);
    // A content script of ours runs inside a web page: the page could drive it, so it may not send commands.
    expect(isFromExtensionPage({ id, url: 'https://evil.example/', tab: { id: 1 } as never }, id, origin)).toBe(false);
    expect(isFromExtensionPage({ id: 'other', url: 'chrome-extension://other/x.html' }, id, origin)).toBe(false);
    expect(isFromExtensionPage({ id }, id, origin)).toBe(false);
  });

  it('carry a reader snapshot only with a token of this opening, and the reader port only its two requests', () => {
    const token = '0b6f2c1e-2d4a-4c7b-9d1e-5a6b7c8d9e0f';
    const page = { html: '<p>x</p>', url: 'https://example.org/' };
    expect(parseMessage({ type: 'reader-page', token, page })).toEqual({ type: 'reader-page', token, page });
    expect(parseMessage({ type: 'reader-page', page })).toBeUndefined();
    expect(parseMessage({ type: 'reader-page', token: 'guess', page })).toBeUndefined();
    expect(parseMessage({ type: 'reader-page', token, page: { ...page, frames: 'other' } })).toBeUndefined();
    expect(parseReaderPortRequest({ type: 'get-page', token })).toEqual({ type: 'get-page', token });
    expect(parseReaderPortRequest({ type: 'close', tabId: 3 })).toEqual({ type: 'close' });
    expect(parseReaderPortRequest({ type: 'get-page' })).toBeUndefined();
    expect(parseReaderPortRequest({ type: 'run-command', command: 'reset-text-size', tabId: 3 })).toBeUndefined();
  });
});
