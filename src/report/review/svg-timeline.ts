import type { ReviewPlan } from './model.js';
import { dayLabel, esc, n, wallTime } from './format.js';

const WIDTH = 960;
const LABEL = 190;
const RIGHT = 24;
const TOP = 46;
const ROW = 30;
const BAR = 16;
const LANE = 18;
/** Tick spacings tried in order, in seconds: the first giving at most 12 ticks wins. */
const TICKS = [300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];

const SEVERITY_COLOR = { error: '#c62828', warning: '#b26a00', note: '#1565c0' } as const;

/**
 * The plan's steps per region on a time axis in the plan's time zone, drawn over the allow windows
 * (green) and freezes (hatched red) whose scope matches each row, with conflicts outlined.
 * Returns '' when the plan cannot be placed in time (no start).
 */
export function timelineSvg(plan: ReviewPlan, id: string): string {
  if (plan.start === undefined) return '';
  const zone = plan.timeZone;
  const rows = plan.steps.flatMap((step) => (step.intervals.length > 0 ? step.intervals : [{ region: '', start: 0, end: 0 }]).map((iv, i) => ({ step, region: iv.region, first: i === 0 })));
  const finish = (plan.rolloutEnd ?? plan.start) + plan.rollbackSeconds;
  const from = plan.start;
  const to = Math.max(finish, plan.end ?? finish, ...plan.steps.map((s) => s.end ?? from));
  const pad = Math.max(300, Math.round((to - from) * 0.04));
  const t0 = from - pad;
  const t1 = to + pad;
  const plotW = WIDTH - LABEL - RIGHT;
  const x = (t: number) => LABEL + ((Math.min(Math.max(t, t0), t1) - t0) / (t1 - t0)) * plotW;
  // A named lane per kind above the rows (allow windows, then freezes), so the board reads which
  // window or freeze each shaded band is; the rows below shade only those whose scope matches.
  const lanes = (['allow', 'deny'] as const).filter((k) => plan.windows.some((w) => w.kind === k && w.end > t0 && w.start < t1));
  const LANES = lanes.length * LANE + (lanes.length > 0 ? 6 : 0);
  const height = TOP + LANES + rows.length * ROW + 60;
  const rowY = (i: number) => TOP + LANES + i * ROW;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="timeline" data-plan="${esc(plan.name)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title">`);
  out.push(`<title id="${id}-title">Timeline of plan ${esc(plan.name)} in ${esc(zone ?? 'UTC')}</title>`);
  out.push(`<defs><pattern id="${id}-freeze" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fdecea"/><line x1="0" y1="0" x2="0" y2="8" stroke="#e57373" stroke-width="3"/></pattern>`);
  out.push(`<pattern id="${id}-mig" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#cfd8dc"/><line x1="0" y1="0" x2="0" y2="6" stroke="#90a4ae" stroke-width="2"/></pattern></defs>`);

  // Axis: ticks in the plan's wall time, a day label where the day changes.
  const step = TICKS.find((s) => (t1 - t0) / s <= 12) ?? TICKS[TICKS.length - 1]!;
  const offset = (t: number) => {
    // Align ticks to wall-clock multiples in the plan's zone (offset from UTC at t).
    const local = wallTime(t, zone, false);
    const [h, m] = local.split(':').map(Number) as [number, number];
    return (h * 3600 + m * 60) % step;
  };
  let tick = t0 - offset(t0) + (offset(t0) === 0 ? 0 : step);
  let lastDay = '';
  let lastDayX = -Infinity;
  out.push(`<g class="axis" font-size="11" fill="#546e7a">`);
  for (; tick <= t1; tick += step) {
    const tx = x(tick);
    out.push(`<line x1="${n(tx)}" y1="${TOP - 6}" x2="${n(tx)}" y2="${n(rowY(rows.length))}" stroke="#eceff1"/>`);
    out.push(`<text x="${n(tx)}" y="${TOP - 10}" text-anchor="middle">${esc(step >= 86400 ? dayLabel(tick, zone).slice(0, -5) : wallTime(tick, zone))}</text>`);
    const day = dayLabel(tick, zone);
    if (day !== lastDay && step < 86400) {
      // The first day is labelled at the plot's left edge; later ones at their midnight tick if there is room.
      const dx = lastDay === '' ? LABEL : tx;
      if (dx - lastDayX >= 190) {
        out.push(`<text x="${n(dx)}" y="${TOP - 26}" text-anchor="${lastDay === '' ? 'start' : 'middle'}" font-weight="600" fill="#37474f">${esc(day)}</text>`);
        lastDayX = dx;
      }
      lastDay = day;
    }
  }
  out.push(`</g>`);

  lanes.forEach((kind, k) => {
    const y = TOP + k * LANE;
    out.push(`<text x="12" y="${y + 13}" font-size="11" fill="#78909c">${kind === 'allow' ? 'allow windows' : 'freezes'}</text>`);
    const seen = new Set<string>();
    for (const w of plan.windows) {
      const key = `${w.calendar}/${w.name}/${w.start}`;
      if (w.kind !== kind || w.end <= t0 || w.start >= t1 || seen.has(key)) continue;
      seen.add(key);
      const left = x(w.start);
      const width = x(w.end) - left;
      const fill = kind === 'deny' ? `url(#${id}-freeze)` : '#c8e6c9';
      out.push(`<rect class="lane ${kind}" x="${n(left)}" y="${y + 1}" width="${n(width)}" height="${LANE - 3}" fill="${fill}" stroke="${kind === 'deny' ? '#e57373' : '#81c784'}" rx="2"><title>${esc(`${kind === 'deny' ? 'freeze' : 'allow window'} ${w.name} (calendar ${w.calendar}): ${wallTime(w.start, zone, true)} – ${wallTime(w.end, zone, true)}`)}</title></rect>`);
      // Hours for an occurrence within a day, days for a longer one (a freeze of weeks).
      const label = w.end - w.start < 86400 ? `${w.name} ${wallTime(w.start, zone)}–${wallTime(w.end, zone)}` : `${w.name} ${dayLabel(w.start, zone).slice(0, -5)} – ${dayLabel(w.end, zone).slice(0, -5)}`;
      const fits = label.length * 6.2 + 10 < width ? label : w.name.length * 6.2 + 10 < width ? w.name : '';
      if (fits) out.push(`<text x="${n(left + 5)}" y="${y + 12}" font-size="10.5" font-weight="600" fill="${kind === 'deny' ? '#b71c1c' : '#1b5e20'}"${kind === 'deny' ? ' paint-order="stroke" stroke="#fff" stroke-width="3"' : ''}>${esc(fits)}</text>`);
    }
  });

  // Rows: zebra background, windows and freezes that apply to the row (freezes on top: deny beats
  // allow), then the bars.
  const byKind = [...plan.windows.filter((w) => w.kind === 'allow'), ...plan.windows.filter((w) => w.kind === 'deny')];
  rows.forEach((row, i) => {
    const y = rowY(i);
    if (i % 2 === 1) out.push(`<rect x="${LABEL}" y="${y}" width="${plotW}" height="${ROW}" fill="#fafbfc"/>`);
    for (const w of byKind) {
      if (!w.appliesTo.some((a) => a.step === row.step.id && a.region === row.region)) continue;
      if (w.end <= t0 || w.start >= t1) continue;
      const fill = w.kind === 'deny' ? `url(#${id}-freeze)` : '#e3f4e5';
      out.push(`<rect class="window ${w.kind}" data-window="${esc(w.name)}" x="${n(x(w.start))}" y="${y + 2}" width="${n(x(w.end) - x(w.start))}" height="${ROW - 4}" fill="${fill}" opacity="0.9"><title>${esc(`${w.kind === 'deny' ? 'freeze' : 'window'} ${w.name} (${w.calendar})`)}</title></rect>`);
    }
  });
  rows.forEach((row, i) => {
    const y = rowY(i) + (ROW - BAR) / 2;
    const s = row.step;
    const label = row.first ? s.id : '';
    out.push(`<text x="12" y="${n(rowY(i) + ROW / 2 + 4)}" font-size="12.5" fill="#263238"><tspan font-weight="600">${esc(label)}</tspan><tspan fill="#78909c" font-size="11">${row.first ? '  ' : '   '}${esc(row.region || 'all regions')}</tspan></text>`);
    const slice = s.intervals.find((v) => v.region === row.region);
    if (!slice) return;
    // The slices partition the step: migrations sit at the start of the first and the end of the last.
    const isLast = s.intervals[s.intervals.length - 1] === slice;
    const iv = { start: slice.start + (row.first ? s.migrations.before : 0), end: slice.end - (isLast ? s.migrations.after : 0) };
    if (iv.start > slice.start) {
      out.push(`<rect class="migration" x="${n(x(slice.start))}" y="${n(y)}" width="${n(x(iv.start) - x(slice.start))}" height="${BAR}" fill="url(#${id}-mig)" rx="2"><title>${esc(`${s.id}: migrations before deploy, ${wallTime(slice.start, zone)}–${wallTime(iv.start, zone)}`)}</title></rect>`);
    }
    if (slice.end > iv.end) {
      out.push(`<rect class="migration" x="${n(x(iv.end))}" y="${n(y)}" width="${n(x(slice.end) - x(iv.end))}" height="${BAR}" fill="url(#${id}-mig)" rx="2"><title>${esc(`${s.id}: migrations after deploy, ${wallTime(iv.end, zone)}–${wallTime(slice.end, zone)}`)}</title></rect>`);
    }
    const color = s.worst === 'error' ? '#e53935' : s.worst === 'warning' ? '#f9a825' : '#1e88e5';
    const w = Math.max(2, x(iv.end) - x(iv.start));
    out.push(`<rect class="step" data-step="${esc(s.id)}" x="${n(x(iv.start))}" y="${n(y)}" width="${n(w)}" height="${BAR}" rx="3" fill="${color}"><title>${esc(`${s.id} (${s.service} ${s.from ?? '?'} → ${s.to}) in ${row.region || 'all regions'}: ${wallTime(slice.start, zone)}–${wallTime(slice.end, zone)}, wave ${s.wave}`)}</title></rect>`);
    const text = `${wallTime(slice.start, zone)}–${wallTime(slice.end, zone)}`;
    if (w > 78) out.push(`<text x="${n(x(iv.start) + 6)}" y="${n(y + 12)}" font-size="10.5" fill="#fff">${text}</text>`);
    else out.push(`<text x="${n(x(slice.end) + 5)}" y="${n(y + 12)}" font-size="10.5" fill="#546e7a">${text}</text>`);
    if (s.worst) out.push(`<circle cx="${LABEL - 10}" cy="${n(rowY(i) + ROW / 2)}" r="4" fill="${SEVERITY_COLOR[s.worst]}"/>`);
  });

  // Conflicts, from the window/* findings: in a freeze outlined in red, outside every allow window
  // dashed; a waived one in grey.
  for (const c of plan.conflicts) {
    const i = rows.findIndex((r) => r.step.id === c.step && r.region === c.region);
    if (i === -1) continue;
    const stroke = c.suppressed ? '#78909c' : c.kind === 'freeze' ? '#b71c1c' : '#e65100';
    const dash = c.kind === 'outside' || c.suppressed ? ' stroke-dasharray="5 3"' : '';
    const what = c.kind === 'freeze' ? `runs in freeze ${c.window}` : `runs outside the maintenance windows (${c.window})`;
    out.push(`<rect class="conflict ${c.kind}" x="${n(x(c.start))}" y="${n(rowY(i) + 3)}" width="${n(Math.max(3, x(c.end) - x(c.start)))}" height="${ROW - 6}" fill="none" stroke="${stroke}" stroke-width="2.5"${dash} rx="3"><title>${esc(`${c.step} in ${c.region || 'all regions'} ${what}, ${wallTime(c.start, zone)}–${wallTime(c.end, zone)}: ${c.rule}${c.suppressed ? ' (waived)' : ''}`)}</title></rect>`);
  }

  // Markers: start, planned end, rollout + rollback.
  const bottom = rowY(rows.length);
  const marker = (t: number, label: string, color: string, dash: string, line: number) => {
    out.push(`<line x1="${n(x(t))}" y1="${TOP - 4}" x2="${n(x(t))}" y2="${n(bottom + 6 + line * 14)}" stroke="${color}" stroke-width="1.5" stroke-dasharray="${dash}"/>`);
    const flip = x(t) + 150 > WIDTH; // near the right edge the label goes left of its line
    out.push(`<text x="${n(x(t) + (flip ? -4 : 4))}" y="${n(bottom + 16 + line * 14)}" font-size="11" text-anchor="${flip ? 'end' : 'start'}" fill="${color}">${esc(label)}</text>`);
  };
  marker(plan.start, `start ${wallTime(plan.start, zone)}`, '#37474f', '0', 0);
  if (plan.end !== undefined) marker(plan.end, `planned end ${wallTime(plan.end, zone)}`, plan.end < finish ? '#c62828' : '#2e7d32', '6 3', 0);
  if (plan.rolloutEnd !== undefined && plan.rollbackSeconds > 0) marker(finish, `done + rollback ${wallTime(finish, zone)}`, '#6a1b9a', '2 3', 1);
  out.push(`<text x="${WIDTH - RIGHT}" y="${height - 8}" font-size="10.5" text-anchor="end" fill="#90a4ae">times in ${esc(zone ?? 'UTC')}</text>`);
  out.push(`</svg>`);
  return out.join('\n');
}
