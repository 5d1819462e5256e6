/**
 * What a live-page feature is (see src/features/): its preference fields, where
 * its code runs, and what the surfaces need to show it. Only data and types
 * here: every surface imports the registry, so nothing heavy may hang off it.
 * A feature's CSS generator and behaviour are other exports of its module,
 * reached only from the page tool that runs them.
 */
import type { MessageKey } from '../i18n';
import type { PageToolName } from '../messages';

export type FieldValue = string | boolean;

export interface FeatureField<T extends FieldValue = FieldValue> {
  default: T;
  /**
   * Every value, in the order the surfaces offer them; also the boot files the build emits. A stored
   * value is valid when it is one of them (schema.ts makes the valibot schema of it; the always-on
   * script checks the list itself: page-preferences.ts).
   */
  choices: readonly T[];
  /** The label's message key in the popup when it differs from the options page's (the field name). */
  popupLabel?: string;
}

/** A choice from a list; each choice's label is the message optionLabelKey(field, value). */
export function choiceField<const C extends readonly [string, ...string[]]>(choices: C, fallback: C[number]): FeatureField<C[number]> {
  return { default: fallback, choices };
}

/** On or off, off by default. */
export function switchField(extra: Pick<FeatureField, 'popupLabel'> = {}): FeatureField<boolean> {
  return { default: false, choices: [false, true], ...extra };
}

export type FeatureFields = Record<string, FeatureField>;

export type ValuesOf<F extends FeatureFields> = { [K in keyof F]: F[K] extends FeatureField<infer T> ? T : never };

export interface Feature<F extends FeatureFields = FeatureFields> {
  /** The first field switches the feature on (not at its default); any others refine it. */
  fields: F;
  /** Display order in the popup and on the options page; also the order of the CSS in the page's sheet. */
  order: number;
  /*
   * The rest is optional, absent for the usual case: the always-on script carries every description,
   * and each byte there counts.
   */
  /** In the popup's first view (otherwise under More settings). */
  firstView?: true;
  /**
   * A page tool of its own (src/page-tools/<tool>/, named in PAGE_TOOLS), loaded while the feature
   * is on and given every change (src/content/tool-switch.ts). Otherwise the `adjustments` tool
   * applies it: CSS and behaviour in every frame, loaded while any such feature is on.
   */
  tool?: Exclude<PageToolName, 'adjustments' | 'unclip'>;
  /** With a tool: in the top frame only (one ruler, one button per tab). */
  topOnly?: true;
  /** No boot files: it starts when storage is read (otherwise boot files carry it to document_start). */
  noBoot?: true;
}

/** A module's `presets` export: what the presets of shared/presets.ts set in this feature, by preset name. */
export type FeaturePresets<V> = Record<string, Partial<V>>;

/** Identity with inference, so each module keeps its own field types. */
export function defineFeature<const F extends FeatureFields>(feature: Feature<F>): Feature<F> {
  return feature;
}

/**
 * The values of every feature's fields. Empty here: each feature module adds
 * its own fields by declaration merging, so a new feature needs no central
 * list of types (`declare module '../shared/features/feature'`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the feature modules
export interface FeatureValues {}

/** What a feature's behaviour (`start`) is given besides its values: the frame's document, the package's files and strings. */
export interface PageContext {
  document: Document;
  /** The URL of a file inside the extension package. */
  assetUrl(path: string): string;
  /** A string of ours in the browser's language (_locales), for text a feature puts on the page. */
  message(key: MessageKey): string;
}
