/**
 * Debian's Chromium, as every browser test, bench and the search eval drive it through
 * playwright-core (never playwright's own browser download): where it lives, whether this
 * machine has it, and the flags it runs with (headless as root, no network of its own).
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** False where the apt package is missing: the browser suites then skip and say so. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
