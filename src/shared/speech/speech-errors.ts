/**
 * What a speech engine's error means to the reader, the same words on the
 * live page's read-aloud bar and in reading mode.
 */

/** SpeechSynthesisErrorEvent codes that mean "no voice can say this here" (Firefox without voices says synthesis-failed). */
export const NO_VOICE_ERRORS: ReadonlySet<string> = new Set([
  'synthesis-unavailable',
  'synthesis-failed',
  'language-unavailable',
  'voice-unavailable',
]);

/** The message key and its substitution for a speech error. */
export function speechErrorMessage(error: string): { key: 'speechUnavailable' | 'readAloudFailed'; substitution?: string } {
  return NO_VOICE_ERRORS.has(error) ? { key: 'speechUnavailable' } : { key: 'readAloudFailed', substitution: error };
}
