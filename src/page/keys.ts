/**
 * Keyboard input of the page: typing in the search box with IME composition (Korean syllables
 * are composed over several key presses; none of those is a query), `/` to focus the search
 * box, and the arrow keys to move between the search box and the result titles.
 */

/** What typing in the search box triggers. */
export interface TypingHandlers {
  /** The text changed and is final: search for it. */
  onText: () => void;
  /** A key press while a character is still being composed: typing, but nothing to search yet. */
  onComposing: () => void;
}

/**
 * Watches the search box: input during an IME composition calls `onComposing`; the end of a
 * composition and any other input call `onText`.
 */
export function watchTyping(box: HTMLInputElement, handlers: TypingHandlers): void {
  let composing = false;
  box.addEventListener('compositionstart', () => {
    composing = true;
  });
  box.addEventListener('compositionend', () => {
    composing = false;
    handlers.onText();
  });
  box.addEventListener('input', (e) => {
    if (composing || (e as InputEvent).isComposing) handlers.onComposing();
    else handlers.onText();
  });
}

/**
 * Where an arrow key moves the focus among `count` result titles: from the search box
 * (`from` = 'box') ArrowDown goes to the first title; from title `from` ArrowDown goes to the
 * next (staying on the last) and ArrowUp to the previous, or back to the box from the first.
 * null: the key is left to the browser (ArrowUp in the box, no titles, focus elsewhere = -1).
 */
export function arrowTarget(key: 'ArrowDown' | 'ArrowUp', from: number | 'box', count: number): number | 'box' | null {
  if (count === 0) return null;
  if (from === 'box') return key === 'ArrowDown' ? 0 : null;
  if (from < 0) return null;
  if (key === 'ArrowDown') return Math.min(from + 1, count - 1);
  return from === 0 ? 'box' : from - 1;
}

/** Binds `/` (focus and select the search box, unless typing in a field) and the arrow keys (see arrowTarget). */
export function bindKeys(box: HTMLInputElement, results: HTMLElement): void {
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      box.focus();
      box.select();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    if (e.isComposing || (typing && target !== box)) return;
    const links = [...results.querySelectorAll<HTMLAnchorElement>('a.title')];
    const from = target === box ? 'box' : links.indexOf(document.activeElement as HTMLAnchorElement);
    const to = arrowTarget(e.key, from, links.length);
    if (to === null) return;
    e.preventDefault();
    if (to === 'box') box.focus();
    else links[to]!.focus();
  });
}
