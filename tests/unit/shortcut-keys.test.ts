import { describe, expect, it } from 'vitest';
import { shortcutKeys } from '../../src/shared/shortcut-keys';

describe('shortcutKeys', () => {
  it('shows the key caps for named keys', () => {
    expect(shortcutKeys('Alt+Shift+Comma')).toBe('Alt+Shift+,');
    expect(shortcutKeys('Alt+Shift+Period')).toBe('Alt+Shift+.');
    expect(shortcutKeys('Ctrl+Shift+Up')).toBe('Ctrl+Shift+↑');
  });

  it('leaves letters, digits and macOS symbols alone', () => {
    expect(shortcutKeys('Alt+Shift+M')).toBe('Alt+Shift+M');
    expect(shortcutKeys('Alt+Shift+0')).toBe('Alt+Shift+0');
    expect(shortcutKeys('⌥⇧M')).toBe('⌥⇧M');
  });
});
