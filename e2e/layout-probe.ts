/**
 * What the layout check looks for, run inside the page (`page.evaluate(layoutProblems, options)`: it is sent as
 * source, so it uses nothing from outside its own body). It answers one line per problem:
 * - the page scrolls sideways (the document is wider than the window);
 * - a table cell's content is wider than the cell (it spills over its neighbour);
 * - an element that clips (overflow hidden or clip) holds more than it shows, sideways or downwards;
 * - a chart's text lies outside its chart (a label cut at the edge of the SVG);
 * - on a desktop or projector (`desktop`), a table whose box scrolls sideways: its last columns are out of view
 *   until one scrolls, which a reader at a projector does not. A grid meant to be wider than any screen (the
 *   batch entry's ten columns of fields) says so with `data-wide-grid` and is let be;
 * - with `oneLineTopBar`, a top bar that wraps onto a second line.
 * On a phone a table scrolling inside its card is what we want: nothing is lost and the page stays put. Form
 * fields scroll their own text, and invisible and screen-reader-only elements (1 px boxes) are not looked at.
 */
export function layoutProblems({ desktop, oneLineTopBar }: { desktop: boolean; oneLineTopBar: boolean }): string[] {
  const problems: string[] = [];
  const TOLERANCE = 1; // sub-pixel rounding
  const describe = (el: Element) => {
    const id = el.getAttribute('data-testid') ?? el.getAttribute('data-column') ?? el.id;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id ? ` ${id}` : ''}> "${text}"`;
  };

  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + TOLERANCE) {
    problems.push(`the page scrolls sideways (${root.scrollWidth} px in ${root.clientWidth} px)`);
  }

  for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
    if (el.closest('svg') || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) continue;
    if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const clipsX = style.overflowX === 'hidden' || style.overflowX === 'clip';
    const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
    const cell = el.tagName === 'TD' || el.tagName === 'TH';
    const scrollsX = style.overflowX === 'auto' || style.overflowX === 'scroll';
    if (desktop && scrollsX && el.scrollWidth > el.clientWidth + TOLERANCE && el.querySelector('table')) {
      if (!el.hasAttribute('data-wide-grid')) {
        problems.push(
          `${describe(el.querySelector('table')!)} needs sideways scrolling: ${el.scrollWidth} px in ${el.clientWidth} px`,
        );
      }
    } else if ((clipsX || cell) && el.scrollWidth > el.clientWidth + TOLERANCE) {
      problems.push(`${describe(el)} cut off: ${el.scrollWidth} px wide in ${el.clientWidth} px`);
    } else if (clipsY && el.scrollHeight > el.clientHeight + TOLERANCE) {
      problems.push(`${describe(el)} cut off: ${el.scrollHeight} px high in ${el.clientHeight} px`);
    }
  }

  const bar = document.querySelector('header');
  // one line is the bar's minimum height (56 px); a second line adds at least 30
  if (oneLineTopBar && bar && bar.offsetHeight > 72)
    problems.push(`the top bar takes two lines (${bar.offsetHeight} px high)`);

  for (const svg of Array.from(document.querySelectorAll('svg'))) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue;
    for (const text of Array.from(svg.querySelectorAll('text'))) {
      const r = text.getBoundingClientRect();
      if (r.width === 0 || !(text.textContent ?? '').trim()) continue;
      const outside =
        r.top < box.top - TOLERANCE ||
        r.bottom > box.bottom + TOLERANCE ||
        r.left < box.left - TOLERANCE ||
        r.right > box.right + TOLERANCE;
      if (outside) problems.push(`chart text "${text.textContent}" outside its chart`);
    }
  }
  return problems;
}
