/**
 * The ladders of values the surfaces offer for the reader's and speech
 * settings: the reader's controls and the options page show the same steps.
 */
export const LINE_HEIGHTS = [1.2, 1.4, 1.5, 1.6, 1.8, 1.9, 2, 2.4] as const;
export const LETTER_SPACINGS = [0, 0.02, 0.05, 0.08, 0.12, 0.2] as const;
export const WORD_SPACINGS = [0, 0.08, 0.16, 0.25, 0.4] as const;
export const SPEECH_RATES = [0.6, 0.8, 1, 1.2, 1.5, 2] as const;
