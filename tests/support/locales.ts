/** The extension's own strings (public/_locales), to check what a page shows against. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type Messages = Record<string, { message: string }>;

export function messages(lang: 'en' | 'ja'): Messages {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8')) as Messages;
}
