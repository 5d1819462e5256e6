/**
 * The first-run page: choose a text size and colours with a live preview,
 * save them for all sites, decide where EasyRead applies them as pages load,
 * and see the keyboard shortcuts. Opened once, when the extension is installed.
 */
import browser from 'webextension-polyfill';
import { PAGE_COLOURS, PALETTES } from '../features/page-colours';
import { localizePage, t } from '../shared/i18n';
import { optionLabelKey } from '../shared/option-label-key';
import { loadPreferences, updateGlobalPreferences } from '../shared/preferences/storage';
import { ALL_SITES_PATTERNS } from '../shared/site';
import {
  DEFAULT_TEXT_SCALE,
  largerTextScale,
  nearestTextScaleStep,
  smallerTextScale,
  TEXT_SCALE_STEPS,
  type TextScaleStep,
} from '../shared/text-scale-steps';
import { requestAccess } from '../shared/ui/auto-apply-access';
import { $, announce } from '../shared/ui/dom';
import { setUpPresetButtons } from '../shared/ui/preset-buttons';
import { openShortcutSettings, renderShortcuts } from '../shared/ui/shortcuts-panel';

type PageColours = (typeof PAGE_COLOURS)[number];

const colourLabel = (value: string) => t(optionLabelKey('pageColours', value));

async function start(): Promise<void> {
  localizePage();
  const sizeSelect = $<HTMLSelectElement>('size-select');
  const coloursSelect = $<HTMLSelectElement>('colours-select');
  const sample = $('sample');
  for (const step of TEXT_SCALE_STEPS) sizeSelect.add(new Option(`${step}%`, String(step)));
  coloursSelect.replaceChildren(...PAGE_COLOURS.map((value) => new Option(colourLabel(value), value)));

  let scale: TextScaleStep = DEFAULT_TEXT_SCALE;
  let colours: PageColours = 'off';
  // Saved choices (and a preset just applied or undone, which writes at once) show in the controls and the sample.
  async function loadSaved(): Promise<void> {
    const { global } = await loadPreferences(undefined);
    scale = nearestTextScaleStep(global.textScale);
    colours = global.pageColours;
  }
  await loadSaved();

  function preview(): void {
    sizeSelect.value = String(scale);
    coloursSelect.value = colours;
    sample.style.setProperty('--sample-scale', String(scale / 100));
    if (colours === 'off') {
      sample.style.removeProperty('--sample-fg');
      sample.style.removeProperty('--sample-bg');
    } else {
      sample.style.setProperty('--sample-fg', PALETTES[colours].text);
      sample.style.setProperty('--sample-bg', PALETTES[colours].background);
    }
  }

  const setScale = (next: TextScaleStep) => {
    scale = next;
    preview();
    announce(t('textSizeAnnouncement', String(scale)));
  };
  $('smaller').addEventListener('click', () => setScale(smallerTextScale(scale)));
  $('larger').addEventListener('click', () => setScale(largerTextScale(scale)));
  sizeSelect.addEventListener('change', () => setScale(nearestTextScaleStep(Number(sizeSelect.value))));
  coloursSelect.addEventListener('change', () => {
    colours = coloursSelect.value as PageColours;
    preview();
  });

  $('save').addEventListener('click', () => {
    void updateGlobalPreferences({ textScale: scale, pageColours: colours })
      .then(() => announce(t('welcomeSaved', [String(scale), colourLabel(colours)])))
      .catch((error: unknown) => {
        console.error('[EasyRead] could not save the first-run choices', error);
        announce(t('welcomeSaveFailed'));
      });
  });

  const autoStatus = $('auto-status');
  async function renderAccess(): Promise<void> {
    const all = await browser.permissions.contains({ origins: [...ALL_SITES_PATTERNS] });
    autoStatus.textContent = all ? t('autoOnAll') : '';
  }
  $('auto-all').addEventListener('click', () => {
    // The request must start inside the click: browsers only prompt for a user gesture.
    void requestAccess(browser.permissions, 'all', '')
      .catch(() => false)
      .then(async (granted) => {
        announce(t(granted ? 'autoOnAll' : 'autoDenied'));
        await renderAccess();
      });
  });
  browser.permissions.onAdded.addListener(() => void renderAccess());
  browser.permissions.onRemoved.addListener(() => void renderAccess());

  $('change-shortcuts').addEventListener('click', () => void openShortcutSettings());
  const presetsReady = setUpPresetButtons($('presets'), { origin: undefined, announce, onChange: () => void loadSaved().then(preview) });

  showPinSteps();
  preview();
  await Promise.all([renderAccess(), renderShortcuts($('shortcut-list')), presetsReady]);
  document.body.dataset.ready = 'true';
}

/** Firefox pins through a menu of its own (runtime.getBrowserInfo exists only there). */
function showPinSteps(): void {
  const firefox = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
  $('pin-steps-chrome').hidden = firefox;
  $('pin-steps-firefox').hidden = !firefox;
}

void start().catch((error: unknown) => console.error('[EasyRead] welcome page failed to start', error));
