/** FORMAT.md durations: units w d h m s, combinable, largest first (`1h30m`, `2d`). */
const DURATION = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const UNIT_SECONDS = [604800, 86400, 3600, 60, 1] as const;

/** Seconds in a duration, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === '') return undefined;
  let seconds = 0;
  for (let i = 0; i < UNIT_SECONDS.length; i++) {
    const part = match[i + 1];
    if (part !== undefined) seconds += Number(part) * UNIT_SECONDS[i]!;
  }
  return seconds;
}

/** A compact human form of a number of seconds, e.g. 9d 2h, 45m, 30s. */
export function formatSeconds(total: number): string {
  const sign = total < 0 ? '-' : '';
  let rest = Math.abs(Math.round(total));
  if (rest === 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
    if (parts.length === 2) break; // two units are enough for a message
  }
  return sign + parts.join(' ');
}
