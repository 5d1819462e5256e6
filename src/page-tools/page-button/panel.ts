/**
 * The on-page panel: the popup's daily actions in a compact column (text
 * size, reading mode, read aloud, the reading ruler, page colours) and a way
 * to move the button to another corner. It only asks; the background does
 * the work through the popup's own commands, and the panel shows the result
 * from preferences, as the popup does.
 */

import { PAGE_COLOURS } from '../../features/page-colours';
import { type MessageKey, t } from '../../shared/i18n';
import type { CommandName } from '../../shared/messages';
import { optionLabelKey } from '../../shared/option-label-key';
import type { PagePreferences } from '../../shared/preferences/page-fields';
import { MAX_TEXT_SCALE, MIN_TEXT_SCALE } from '../../shared/text-scale-steps';
import { createStyled, type Styles } from '../shadow-host';
import { type Look, type Painter, panelButtonStyles, panelStyles, selectStyles } from './look';

export interface PanelActions {
  command(command: CommandName): void;
  colours(value: PagePreferences['pageColours']): void;
  move(): void;
}

export interface Panel {
  element: HTMLElement;
  show(preferences: PagePreferences): void;
  say(message: string): void;
}

const panelButton = (look: Look, element: HTMLElement) =>
  panelButtonStyles(look, { unavailable: element.getAttribute('aria-disabled') === 'true' });

const row = (gap = '0.5em'): Styles => ({ display: 'flex', 'flex-wrap': 'wrap', gap, 'align-items': 'center', margin: '0 0 0.6em' });

/** Only a real press by the user counts: a page cannot reach these elements, and a synthetic event is ignored anyway. */
function onPress(button: HTMLElement, signal: AbortSignal, act: () => void): void {
  button.addEventListener(
    'click',
    (event) => {
      if (event.isTrusted && button.getAttribute('aria-disabled') !== 'true') act();
    },
    { signal },
  );
}

export function createPanel(painter: Painter, actions: PanelActions, signal: AbortSignal): Panel {
  const panel = painter.add(createStyled(document, 'div', {}), panelStyles);
  panel.id = 'panel';
  panel.hidden = true;

  const button = (key: MessageKey, styles: (look: Look, element: HTMLElement) => Styles = panelButton) => {
    const element = createStyled(document, 'button', {});
    painter.add(element, (look) => styles(look, element));
    element.type = 'button';
    element.textContent = t(key);
    painter.ring(element, signal);
    return element;
  };

  const size = createStyled(document, 'p', { margin: '0 0 0.4em', 'font-weight': '600' });
  const smaller = button('textSmaller');
  const larger = button('textLarger');
  const reset = button('textReset');
  const sizeRow = createStyled(document, 'div', row());
  sizeRow.append(smaller, larger, reset);

  const readingMode = button('readingModeButton');
  const readAloud = button('readAloudButton');
  let rulerOn = false;
  const ruler = button('pageButtonRuler', (look) => panelButtonStyles(look, { pressed: rulerOn }));
  const toolsRow = createStyled(document, 'div', row());
  toolsRow.append(readingMode, readAloud, ruler);

  const coloursLabel = createStyled(document, 'label', { display: 'block', margin: '0 0 0.25em' });
  coloursLabel.textContent = t('pageColours');
  coloursLabel.htmlFor = 'colours';
  const colours = painter.add(createStyled(document, 'select', {}), selectStyles);
  colours.id = 'colours';
  colours.append(...PAGE_COLOURS.map((value) => new Option(t(optionLabelKey('pageColours', value)), value)));
  painter.ring(colours, signal);
  const coloursBox = createStyled(document, 'div', { margin: '0 0 0.6em' });
  coloursBox.append(coloursLabel, colours);

  const move = button('pageButtonMove');
  // Present from the start (empty), so screen readers already track it when the first message comes.
  const status = createStyled(document, 'p', { margin: '0.5em 0 0', 'min-height': '1.4em' });
  status.setAttribute('role', 'status');

  panel.append(size, sizeRow, toolsRow, coloursBox, move, status);

  onPress(smaller, signal, () => actions.command('decrease-text-size'));
  onPress(larger, signal, () => actions.command('increase-text-size'));
  onPress(reset, signal, () => actions.command('reset-text-size'));
  onPress(readingMode, signal, () => actions.command('toggle-reading-mode'));
  onPress(readAloud, signal, () => actions.command('read-aloud'));
  onPress(ruler, signal, () => actions.command('toggle-line-focus'));
  onPress(move, signal, () => actions.move());
  colours.addEventListener(
    'change',
    (event) => {
      if (event.isTrusted) actions.colours(colours.value as PagePreferences['pageColours']);
    },
    { signal },
  );

  return {
    element: panel,
    show(preferences) {
      size.textContent = t('pageButtonTextSize', String(preferences.textScale));
      // aria-disabled, as in the popup: a disabled button would drop focus to the page.
      smaller.setAttribute('aria-disabled', String(preferences.textScale === MIN_TEXT_SCALE));
      larger.setAttribute('aria-disabled', String(preferences.textScale === MAX_TEXT_SCALE));
      reset.setAttribute('aria-disabled', String(preferences.textScale === 100));
      for (const sizeButton of [smaller, larger, reset]) painter.repaint(sizeButton);
      rulerOn = preferences.pageLineFocus;
      ruler.setAttribute('aria-pressed', String(rulerOn));
      painter.repaint(ruler);
      if (colours.value !== preferences.pageColours) colours.value = preferences.pageColours;
    },
    say(message) {
      // Cleared first so the same message twice is announced twice.
      status.textContent = '';
      requestAnimationFrame(() => {
        status.textContent = message;
      });
    },
  };
}
