/**
 * Boot files: one tiny script per text-size step, generated at build time
 * (see vite.config.ts), that tells the content script its size synchronously.
 */
import type { TextScaleStep } from './text-scale-steps';

export function bootScriptPath(textScale: TextScaleStep): string {
  return `boot/text-scale-${textScale}.js`;
}

export function bootScriptSource(textScale: TextScaleStep): string {
  return `globalThis.__easyReadBoot={textScale:${textScale}};\n`;
}
