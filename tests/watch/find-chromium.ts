// A Chromium to drive with playwright-core (no browser downloads on these
// machines): $BRIEFDECK_CHROMIUM, else the Debian package's, else none.
import { existsSync } from 'node:fs';

export const howToRunBrowserTests = 'browser tests skipped: no Chromium found (Debian: apt-get install -y chromium, or set BRIEFDECK_CHROMIUM=/path/to/chromium)';

export function findChromium(): string | undefined {
  const candidates = [process.env['BRIEFDECK_CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => !!c && existsSync(c));
}
