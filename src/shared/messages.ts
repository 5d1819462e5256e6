/**
 * The one typed message map. Commands travel as messages; state does not
 * (surfaces read preferences from storage and react to storage.onChanged).
 */
import type browser from 'webextension-polyfill';
import { PAGE_BUTTON_CORNERS } from '../features/page-button';
import { PAGE_COLOURS } from '../features/page-colours';
import type { PageSnapshot } from '../reader/article';
import { type FuriganaLevel, isFuriganaLevel } from './furigana/levels';
import type { RubySegment } from './furigana/ruby-segments';
import type { SitePreferences } from './preferences/schema';
import type { TextScaleStep } from './text-scale-steps';

/** Every keyboard command, also reachable as a `run-command` message. */
export const COMMAND_NAMES = [
  'increase-text-size',
  'decrease-text-size',
  'reset-text-size',
  'toggle-reading-mode',
  'toggle-line-focus',
  'read-aloud',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** What read aloud on the live page is doing after the command: reading the selection, reading what the user points at, or off. */
export type ReadAloudMode = 'selection' | 'pointing' | 'off';

/** Feature scripts that the content script loads into its page only while the feature is on. */
export const PAGE_TOOLS = ['line-focus', 'adjustments', 'unclip', 'page-button', 'furigana'] as const;
export type PageToolName = (typeof PAGE_TOOLS)[number];

/** What the on-page panel may change besides commands: one field, one of its known values. */
export type PageButtonPatch = Pick<SitePreferences, 'pageColours'> | Pick<SitePreferences, 'pageButtonCorner'>;

function parsePageButtonPatch(raw: unknown): PageButtonPatch | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const patch = raw as Record<string, unknown>;
  const keys = Object.keys(patch);
  if (keys.length !== 1) return undefined;
  if ((PAGE_COLOURS as readonly unknown[]).includes(patch.pageColours))
    return { pageColours: patch.pageColours as (typeof PAGE_COLOURS)[number] };
  if ((PAGE_BUTTON_CORNERS as readonly unknown[]).includes(patch.pageButtonCorner)) {
    return { pageButtonCorner: patch.pageButtonCorner as (typeof PAGE_BUTTON_CORNERS)[number] };
  }
  return undefined;
}

export type CommandResult =
  | { ok: true; textScale: TextScaleStep; scope: 'site' | 'global' }
  | { ok: true; readerOpen: boolean }
  | { ok: true; lineFocus: boolean }
  | { ok: true; readAloud: ReadAloudMode }
  | { ok: false; error: 'unsupported-page' | 'no-access' | 'failed'; detail?: string };

export interface MessageMap {
  /** From an extension page (popup, tests) to the background. */
  'run-command': { request: { type: 'run-command'; command: CommandName; tabId: number }; response: CommandResult };
  /** From an extension page: make sure the content script runs in the tab (for activeTab grants). */
  'attach-tab': { request: { type: 'attach-tab'; tabId: number }; response: { ok: boolean } };
  /** From the reading-mode script in a tab's top frame: a snapshot of its page, for the reader frame of this opening (token). */
  'reader-page': { request: { type: 'reader-page'; token: string; page: PageSnapshot }; response: { ok: boolean } };
  /** From our content script in a tab: run a page tool's script in its frame (the feature has just been switched on). */
  'load-page-tool': { request: { type: 'load-page-tool'; tool: PageToolName }; response: { ok: boolean } };
  /** From the on-page button's panel (our content script, top frame): a command of the popup's, for its own tab only. */
  'page-button-command': { request: { type: 'page-button-command'; command: CommandName }; response: CommandResult };
  /** From the on-page button's panel: page colours or the button's corner, saved where the popup would save them. */
  'page-button-set': { request: { type: 'page-button-set'; patch: PageButtonPatch }; response: { ok: boolean } };
  /** From the furigana page tool in a tab: readings for these texts (computed on this machine by the analyzer). */
  'furigana-annotate': { request: { type: 'furigana-annotate'; texts: string[]; level: FuriganaLevel }; response: FuriganaReply };
  /** From our content script in a frame with an opaque origin (sandboxed): the origin of the tab's page, whose preferences it follows. */
  'frame-site': { request: { type: 'frame-site' }; response: { origin: string | null } };
}

export type FuriganaReply = { ok: true; segments: RubySegment[][] } | { ok: false; error: 'dictionary'; detail?: string };

/** One request's bounds: the page tool sends chunks well under these. */
export const FURIGANA_MAX_TEXTS = 500;
export const FURIGANA_MAX_CHARS = 20_000;

function isTextBatch(value: unknown): value is string[] {
  if (!Array.isArray(value) || value.length > FURIGANA_MAX_TEXTS) return false;
  let chars = 0;
  for (const text of value) {
    if (typeof text !== 'string') return false;
    chars += text.length;
  }
  return chars <= FURIGANA_MAX_CHARS;
}

/** The reader page asks for readings over a port of its own (see READER_PORT for why a port). */
export const FURIGANA_PORT = 'furigana';
export type FuriganaPortRequest = { id: number; texts: string[]; level: FuriganaLevel };
export type FuriganaPortReply = { id: number; reply: FuriganaReply };

export function parseFuriganaPortRequest(raw: unknown): FuriganaPortRequest | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const message = raw as Record<string, unknown>;
  if (typeof message.id !== 'number' || !isTextBatch(message.texts) || !isFuriganaLevel(message.level)) return undefined;
  return { id: message.id, texts: message.texts, level: message.level };
}

/** From the background to a page script of ours in a tab's top frame (the reader overlay, read aloud). */
export interface TabMessageMap {
  'reader-toggle': { request: { type: 'reader-toggle' }; response: { open: boolean } };
  'reader-close': { request: { type: 'reader-close' }; response: { open: boolean } };
  'read-aloud-toggle': { request: { type: 'read-aloud-toggle' }; response: { mode: ReadAloudMode } };
}

/**
 * The reader page talks to the background over a port, not with sendMessage:
 * nothing is left pending when its frame is removed (Firefox logs every API
 * promise still pending in an unloaded page as an error).
 */
export const READER_PORT = 'reader';
/** The reader page's path in the package. */
export const READER_PAGE = 'src/reader/reader.html';
export type ReaderPortRequest = { type: 'get-page'; token: string } | { type: 'close' };
export type ReaderPortReply = { type: 'page'; page: PageSnapshot | null };

export function parseReaderPortRequest(raw: unknown): ReaderPortRequest | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const message = raw as Record<string, unknown>;
  if (message.type === 'close') return { type: 'close' };
  if (message.type === 'get-page' && isToken(message.token)) return { type: 'get-page', token: message.token };
  return undefined;
}

/** A per-opening token: what crypto.randomUUID() makes. */
export function isToken(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value);
}

export type Message = MessageMap[keyof MessageMap]['request'];

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMAND_NAMES as readonly string[]).includes(value);
}

/** Shape check on arrival: anything else is dropped. */
export function parseMessage(raw: unknown): Message | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const message = raw as Record<string, unknown>;
  const tabIdOk = typeof message.tabId === 'number' && Number.isInteger(message.tabId) && message.tabId >= 0;
  if (message.type === 'run-command' && isCommandName(message.command) && tabIdOk) {
    return { type: 'run-command', command: message.command, tabId: message.tabId as number };
  }
  if (message.type === 'attach-tab' && tabIdOk) return { type: 'attach-tab', tabId: message.tabId as number };
  if (message.type === 'frame-site') return { type: 'frame-site' };
  if (message.type === 'reader-page' && isToken(message.token) && isSnapshot(message.page)) {
    return { type: 'reader-page', token: message.token, page: message.page };
  }
  if (message.type === 'page-button-command' && isCommandName(message.command))
    return { type: 'page-button-command', command: message.command };
  if (message.type === 'page-button-set') {
    const patch = parsePageButtonPatch(message.patch);
    if (patch) return { type: 'page-button-set', patch };
  }
  if (message.type === 'furigana-annotate' && isTextBatch(message.texts) && isFuriganaLevel(message.level)) {
    return { type: 'furigana-annotate', texts: message.texts, level: message.level };
  }
  if (message.type === 'load-page-tool' && (PAGE_TOOLS as readonly unknown[]).includes(message.tool)) {
    return { type: 'load-page-tool', tool: message.tool as PageToolName };
  }
  return undefined;
}

function isSnapshot(value: unknown): value is PageSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  return typeof page.html === 'string' && typeof page.url === 'string' && (page.frames === undefined || page.frames === 'unreadable');
}

/** Whether a message comes from our own content script (inside a web page); it may only hand over a snapshot or ask for a page tool. */
export function isFromOwnContentScript(sender: browser.Runtime.MessageSender, extensionId: string): boolean {
  return sender.id === extensionId && sender.tab?.id !== undefined;
}

/**
 * Only our own extension pages may send commands: same extension id, and a
 * page of the extension (not a content script running inside a web page, whose
 * page could try to drive it).
 */
export function isFromExtensionPage(sender: browser.Runtime.MessageSender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
