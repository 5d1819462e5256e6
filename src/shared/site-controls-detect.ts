/**
 * Pure and self-contained: does this page carry its own text-size or colour
 * buttons (文字サイズ 標準/拡大, 背景色 白/黒/青, "Font Size Change", A+/A-…)?
 *
 * The popup passes `detectSiteControls` itself to
 * `scripting.executeScript({ func })`, which sends the function's source text
 * into the tab: it must use no imports, no module-level values and nothing
 * from outside its own body. With no argument it looks at the page's document.
 *
 * Controls: buttons, links, [role=button], inputs of type button / radio /
 * image. Their own name (text, aria-label, aria-labelledby, title, value,
 * label, alt text of images inside them) can say it alone ("Font Size",
 * "背景色の変更"); a bare word ("大", "Large", "黒") counts only when the
 * control's surroundings (an enclosing group's label or legend, or a short
 * enclosing widget's text) say what it is about (文字…, font, 色, colour…).
 */
export interface SiteControls {
  textSize: boolean;
  colours: boolean;
}

export function detectSiteControls(root: ParentNode = document): SiteControls {
  // Said by the control's own name alone.
  const sizeName =
    /文字サイズ|文字の?大きさ|文字(?:を|の)?(?:拡大|縮小)|文字を(?:大きく|小さく)|font[\s-]*size|text[\s-]*size|larger text|smaller text|^A\s?[+＋\-－−]$/i;
  const colourName =
    /背景色|配色|文字色|色の?変更|色を変える|ハイコントラスト|background[\s-]*colou?r|change[\s-]*colou?r|colou?r[\s-]*(?:scheme|change)|high[\s-]*contrast/i;
  // Bare words: only with the matching context around the control.
  const sizeWord = /^(?:拡大|縮小|標準|大|中|小|特大|大きく|小さく|standard|normal|default|large|larger|small|smaller|medium|A)$/i;
  const sizeContext = /文字(?!色)|font(?![\s-]*colou?r)|\btext\b(?![\s-]*colou?r)/i;
  const colourWord = /^(?:白|黒|青|黄|黄色|白黒|黒白|標準|white|black|blue|yellow|default|normal|standard)$/i;
  const colourContext = /色|colou?r|contrast|コントラスト/i;
  const MAX_CONTEXT_TEXT = 80;
  const MAX_CONTROLS = 3000;

  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const byIds = (element: Element, ids: string | null) => {
    const owner = element.ownerDocument;
    if (!ids || !owner) return '';
    return ids
      .split(/\s+/)
      .map((id) => (id ? clean(owner.getElementById(id)?.textContent) : ''))
      .join(' ');
  };

  const result: SiteControls = { textSize: false, colours: false };
  const controls = root.querySelectorAll(
    'button, a, [role="button"], input[type="button" i], input[type="radio" i], input[type="image" i], input[type="submit" i]',
  );
  const count = Math.min(controls.length, MAX_CONTROLS);
  for (let i = 0; i < count && !(result.textSize && result.colours); i++) {
    const control = controls[i];
    // The control's own name, in every form it can take.
    const names: string[] = [
      clean(control.getAttribute('aria-label')),
      byIds(control, control.getAttribute('aria-labelledby')),
      clean(control.getAttribute('title')),
      clean(control.getAttribute('alt')),
    ];
    if (control.tagName === 'INPUT') {
      names.push(clean(control.getAttribute('value')));
      const id = control.getAttribute('id');
      const owner = control.ownerDocument;
      if (id && owner) {
        for (const label of owner.querySelectorAll('label[for]'))
          if (label.getAttribute('for') === id) names.push(clean(label.textContent));
      }
      names.push(clean(control.closest('label')?.textContent));
    } else {
      names.push(clean(control.textContent));
    }
    for (const image of control.querySelectorAll('img[alt], [aria-label]')) {
      names.push(clean(image.getAttribute('alt') ?? image.getAttribute('aria-label')));
    }
    const ownNames = names.filter((name) => name !== '');
    if (ownNames.length === 0) continue;
    if (ownNames.some((name) => sizeName.test(name))) result.textSize = true;
    if (ownNames.some((name) => colourName.test(name))) result.colours = true;
    const bareSize = !result.textSize && ownNames.some((name) => sizeWord.test(name));
    const bareColour = !result.colours && ownNames.some((name) => colourWord.test(name));
    if (!bareSize && !bareColour) continue;

    // The surroundings: labels of enclosing groups, and the text of short enclosing widgets.
    const context: string[] = [];
    let ancestor = control.parentElement;
    for (let depth = 0; ancestor && depth < 5 && ancestor.tagName !== 'BODY'; depth++, ancestor = ancestor.parentElement) {
      context.push(clean(ancestor.getAttribute('aria-label')), byIds(ancestor, ancestor.getAttribute('aria-labelledby')));
      if (ancestor.tagName === 'FIELDSET') context.push(clean(ancestor.querySelector('legend')?.textContent));
      const text = clean(ancestor.textContent);
      if (text.length <= MAX_CONTEXT_TEXT) context.push(text);
    }
    const around = context.join(' ');
    if (bareSize && (sizeContext.test(around) || sizeName.test(around))) result.textSize = true;
    if (bareColour && (colourContext.test(around) || colourName.test(around))) result.colours = true;
  }
  return result;
}
