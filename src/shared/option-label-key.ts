/**
 * The message key of a choice's label, the same scheme everywhere a choice is
 * shown: ('theme', 'gov-blue') → 'themeGovBlue', ('pageColours', 'off') → 'pageColoursOff'.
 */
export function optionLabelKey(prefix: string, value: string): string {
  return `${prefix}${`-${value}`.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())}`;
}
