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
export declare function watchTyping(box: HTMLInputElement, handlers: TypingHandlers): void;
/**
 * Where an arrow key moves the focus among `count` result titles: from the search box
 * (`from` = 'box') ArrowDown goes to the first title; from title `from` ArrowDown goes to the
 * next (staying on the last) and ArrowUp to the previous, or back to the box from the first.
 * null: the key is left to the browser (ArrowUp in the box, no titles, focus elsewhere = -1).
 */
export declare function arrowTarget(key: 'ArrowDown' | 'ArrowUp', from: number | 'box', count: number): number | 'box' | null;
/** Binds `/` (focus and select the search box, unless typing in a field) and the arrow keys (see arrowTarget). */
export declare function bindKeys(box: HTMLInputElement, results: HTMLElement): void;
//# sourceMappingURL=keys.d.ts.map