/** storage.session key: true while the furigana dictionary failed to load this session (the popup says so). */
export const FURIGANA_UNAVAILABLE_KEY = 'furiganaUnavailable';
