import { redactUrl } from '../redactUrl.js';

/**
 * Escape sequences (CSI `ESC [ … letter`, OSC `ESC ] … BEL|ESC \`, other two-byte ESC forms), then any other
 * C0 control but tab and newline, DEL and C1 controls: what a title, URL or error message from a WordPress
 * site could carry to move the cursor, retitle the window, ring the bell or hide text on the terminal.
 */
const TERMINAL_CONTROL =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text safe to print to a person: no terminal controls, no credentials in URLs. */
export function forTerminal(text: string): string {
  return redactUrl(text.replace(TERMINAL_CONTROL, ''));
}

/**
 * The one place command output is written: results on stdout, human notes on stderr. Everything goes
 * through `forTerminal`; JSON escapes control characters itself and only has credentials removed, unless
 * `verbatim` (data printed exactly, as `extract` must).
 */
export const output = {
  line(text = ''): void {
    process.stdout.write(`${forTerminal(text)}\n`);
  },
  json(value: unknown, pretty = false, options: { verbatim?: boolean } = {}): void {
    const text = JSON.stringify(value, null, pretty ? 2 : undefined);
    process.stdout.write(`${options.verbatim ? text : redactUrl(text)}\n`);
  },
  note(text: string): void {
    process.stderr.write(`${forTerminal(text)}\n`);
  },
};
