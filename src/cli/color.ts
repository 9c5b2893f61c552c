/**
 * Colour only for people: on a TTY, unless --no-color or NO_COLOR; FORCE_COLOR forces it on
 * (and FORCE_COLOR=0 off), the conventions chalk and most CLIs follow.
 */
export function useColor(flag: boolean, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!flag) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}
