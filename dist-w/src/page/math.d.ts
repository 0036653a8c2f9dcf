/** Replaces `el`'s content with `tex` rendered (display style when `display`). */
export declare function renderMath(el: HTMLElement, tex: string, display: boolean): void;
//# sourceMappingURL=math.d.ts.map