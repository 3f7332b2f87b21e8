/** What a URL's credentials are shown as. */
const HIDDEN = '***';

/**
 * A URL (or any text holding URLs) with its credentials hidden: `http://user:secret@host/` becomes
 * `http://***@host/`. Every place that shows a site, database or Redis URL to a person, a log or a metrics
 * label goes through this, so a password pasted into a URL is never shown anywhere.
 */
export function redactUrl(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>,]*@/gi, `$1${HIDDEN}@`);
}
