/**
 * Browsers report shortcuts with key names ("Alt+Shift+Comma", Firefox and
 * Chrome alike); people look for the key caps. Pure, so it is unit-tested.
 */
const KEY_CAPS: Record<string, string> = {
  Comma: ',',
  Period: '.',
  Space: 'Space',
  Home: 'Home',
  End: 'End',
  PageUp: 'Page Up',
  PageDown: 'Page Down',
  Insert: 'Insert',
  Delete: 'Delete',
  Up: '↑',
  Down: '↓',
  Left: '←',
  Right: '→',
  MediaNextTrack: 'Next track',
  MediaPrevTrack: 'Previous track',
  MediaPlayPause: 'Play/Pause',
  MediaStop: 'Stop',
};

export function shortcutKeys(shortcut: string): string {
  return shortcut
    .split('+')
    .map((key) => KEY_CAPS[key] ?? key)
    .join('+');
}
