/**
 * Our own small SVG time-series chart: dots, lines, bars, an interval band and a
 * horizontal rule over calendar days. Each layer is one <path>, so ten years of days
 * stay a handful of DOM nodes. Colours come from CSS classes (no inline styles).
 *
 * A chart is drawn at the pixel width it is shown at (one SVG unit is one CSS pixel), so
 * its text is drawn at the size the style sheet gives it, on a phone as on a desktop.
 * Its read-out follows a tap, a drag (pointer events, captured while the finger is
 * down), the mouse and the arrow keys; it is also written under the chart in words.
 */

import { h, svg } from "./dom";
import { toIso, weekday } from "./dates";

type Values = ReadonlyArray<number | null>;

export type Layer =
  | { kind: "dots" | "line"; values: Values; className: string; label: string }
  | { kind: "bars"; values: Values; className: string; label: string; base?: number }
  | { kind: "band"; low: Values; high: Values; className: string; label: string }
  | { kind: "rule"; value: number; className: string; label: string }
  /** Held from each point to the next one (a value set once a week). */
  | { kind: "step"; values: Values; className: string; label: string }
  /** A straight dashed line between two (day, value) points, drawn within the days shown. */
  | { kind: "segment"; from: [number, number]; to: [number, number]; className: string; label: string };

export interface ChartSpec {
  id: string;
  title: string;
  /** A tick label (the bare number) and a read-out value (with its unit). */
  tick: (value: number) => string;
  value: (value: number) => string;
  /** The days shown, inclusive, as day numbers (see dates.ts). */
  start: number;
  end: number;
  /** The day of each value in the layers' value arrays (a week's middle day when weekly). */
  days: readonly number[];
  layers: readonly Layer[];
  /** One or two sentences that say what the chart holds, in words. */
  summary: string;
  /** Each point is an ISO week's average (ranges over 400 days), not a day. */
  weekly: boolean;
}

/** What a chart does when a day is chosen on it (Enter, or its "Edit" button). */
export type OnPick = (date: string) => void;

const MARGIN = { left: 52, right: 10, top: 12, bottom: 28 };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** The read-out's line height and the width of a character, px (12 px text). */
const LINE = 15;
const CHAR = 6.9;

function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const steps = [1, 2, 2.5, 5, 10];
  return (steps.find((s) => s * power >= raw) ?? 10) * power;
}

function yDomain(layers: readonly Layer[]): [number, number, number] {
  let min = Infinity;
  let max = -Infinity;
  const see = (v: number | null): void => {
    if (v === null) return;
    if (v < min) min = v;
    if (v > max) max = v;
  };
  for (const layer of layers) {
    if (layer.kind === "rule") see(layer.value);
    else if (layer.kind === "segment") {
      see(layer.from[1]);
      see(layer.to[1]);
    } else if (layer.kind === "band") {
      layer.low.forEach(see);
      layer.high.forEach(see);
    } else {
      layer.values.forEach(see);
      if (layer.kind === "bars") see(layer.base ?? 0);
    }
  }
  if (min === Infinity) return [0, 1, 0.25];
  if (min === max) {
    const pad = Math.abs(min) * 0.05 || 1;
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min, 4);
  return [Math.floor(min / step) * step, Math.ceil(max / step) * step, step];
}

function dayMonth(iso: string): string {
  return `${Number(iso.slice(8))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ""}`;
}

/**
 * Tick days and labels. The first tick and the first tick of each new year carry the
 * year, so an axis that crosses a year shows it. `room` is how many labels fit.
 */
export function xTicks(start: number, end: number, room: number): Array<[number, string]> {
  const span = end - start + 1;
  let candidates: number[] = [];
  let label: (iso: string) => string;
  if (span <= 10) {
    for (let d = start; d <= end; d++) candidates.push(d);
    label = dayMonth;
  } else if (span <= 100) {
    for (let d = start; d <= end; d++) if (weekday(d) === 1) candidates.push(d);
    label = dayMonth;
  } else if (span <= 1100) {
    for (let d = start; d <= end; d++) if (toIso(d).endsWith("-01")) candidates.push(d);
    label = (iso) => MONTHS[Number(iso.slice(5, 7)) - 1] ?? "";
  } else {
    for (let d = start; d <= end; d++) if (toIso(d).endsWith("-01-01")) candidates.push(d);
    label = (iso) => iso.slice(0, 4);
  }
  const every = Math.max(1, Math.ceil(candidates.length / Math.max(room, 1)));
  candidates = candidates.filter((_, i) => i % every === 0);
  const ticks: Array<[number, string]> = [];
  let year = "";
  for (const day of candidates) {
    const iso = toIso(day);
    let text = label(iso);
    if (iso.slice(0, 4) !== year && !/^\d{4}$/.test(text)) text = `${text} ${iso.slice(0, 4)}`;
    year = iso.slice(0, 4);
    ticks.push([day, text]);
  }
  return ticks;
}

/**
 * The chart as a <figure> with its title, the SVG drawn `width` pixels wide, a legend,
 * the read-out line and the summary.
 */
export function chart(spec: ChartSpec, width: number, onPick: OnPick | null): HTMLElement {
  const titleId = `${spec.id}-title`;
  const summaryId = `${spec.id}-summary`;
  const WIDTH = Math.max(Math.round(width), 260);
  const HEIGHT = Math.round(Math.min(Math.max(WIDTH * 0.45, 190), 250));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const caption = h(
    "figcaption",
    {},
    h("h3", { id: titleId }, spec.title),
    spec.weekly && h("p", { class: "chart-note" }, "Weekly averages: over 400 days, each point is one week."),
  );
  const summary = h("p", { id: summaryId, class: "chart-summary" }, spec.summary);
  const [low, high, step] = yDomain(spec.layers);
  const empty = !spec.layers.some(
    (layer) =>
      layer.kind !== "rule" && layer.kind !== "segment" && (layer.kind === "band" ? layer.low : layer.values).some((v) => v !== null),
  );
  const dayWidth = plotW / (spec.end - spec.start + 1);
  const x = (day: number): number => MARGIN.left + (day - spec.start + 0.5) * dayWidth;
  const y = (v: number): number => MARGIN.top + plotH - ((v - low) / (high - low)) * plotH;
  const r = (v: number): string => v.toFixed(1);

  const grid: string[] = [];
  const labels: SVGElement[] = [];
  for (let v = low; !empty && v <= high + step / 2; v += step) {
    grid.push(`M${MARGIN.left} ${r(y(v))}H${WIDTH - MARGIN.right}`);
    labels.push(svg("text", { x: MARGIN.left - 6, y: r(y(v) + 4), class: "tick tick-y" }, spec.tick(v)));
  }
  for (const [day, label] of xTicks(spec.start, spec.end, Math.floor(plotW / 80))) {
    grid.push(`M${r(x(day))} ${HEIGHT - MARGIN.bottom}v4`);
    labels.push(svg("text", { x: r(x(day)), y: HEIGHT - 8, class: "tick tick-x" }, label));
  }

  const paths = spec.layers.map((layer) => {
    const d = pathOf(layer, spec.days, x, y, dayWidth * (spec.weekly ? 7 : 1), r, WIDTH);
    return svg("path", { d: d === "" ? null : d, class: `layer ${layer.kind} ${layer.className}` });
  });

  if (empty) {
    const middle = MARGIN.top + plotH / 2;
    labels.push(svg("text", { x: MARGIN.left + plotW / 2, y: middle, class: "no-data" }, "No data in this range"));
  }
  const points = spec.days.length;
  const picture = svg(
    "svg",
    {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      width: WIDTH,
      height: HEIGHT,
      role: "img",
      tabindex: empty ? null : 0,
      "aria-labelledby": titleId,
      "aria-describedby": summaryId,
      // Over more points than about two pixels each, marks thin out so lines stay readable.
      class: points > plotW / 2 ? "chart-svg dense" : "chart-svg",
    },
    svg("path", { d: grid.join(""), class: "grid" }),
    ...paths,
    ...labels,
  );
  const readout = h("p", { class: "readout", "aria-live": "polite" });
  const figure = h("figure", { class: "chart", id: spec.id }, caption, picture);
  const legend = h(
    "ul",
    { class: "legend" },
    ...spec.layers.map((layer) =>
      h("li", {}, h("span", { class: `key key-${layer.kind} ${layer.className}` }), layer.label),
    ),
  );
  figure.append(legend, readout, summary);
  if (!empty) follow(picture, readout, spec, { x, width: WIDTH, height: HEIGHT, dayWidth }, onPick);
  return figure;
}

function pathOf(
  layer: Layer,
  days: readonly number[],
  x: (day: number) => number,
  y: (v: number) => number,
  slot: number,
  r: (v: number) => string,
  width: number,
): string {
  const parts: string[] = [];
  switch (layer.kind) {
    case "rule":
      return `M${MARGIN.left} ${r(y(layer.value))}H${width - MARGIN.right}`;
    case "segment":
      return `M${r(x(layer.from[0]))} ${r(y(layer.from[1]))}L${r(x(layer.to[0]))} ${r(y(layer.to[1]))}`;
    case "step": {
      let open = false;
      layer.values.forEach((v, i) => {
        if (v === null) {
          open = false;
          return;
        }
        const left = x(days[i] ?? 0) - slot / 2;
        parts.push(`${open ? "V" : `M${r(left)} `}${r(y(v))}H${r(left + slot)}`);
        open = true;
      });
      break;
    }
    case "dots":
      layer.values.forEach((v, i) => {
        if (v !== null) parts.push(`M${r(x(days[i] ?? 0))} ${r(y(v))}h0`);
      });
      break;
    case "line": {
      let open = false;
      layer.values.forEach((v, i) => {
        if (v === null) {
          open = false;
          return;
        }
        parts.push(`${open ? "L" : "M"}${r(x(days[i] ?? 0))} ${r(y(v))}`);
        open = true;
      });
      break;
    }
    case "bars": {
      const barWidth = Math.max(slot * 0.7, 0.6);
      const base = y(layer.base ?? 0);
      layer.values.forEach((v, i) => {
        if (v === null) return;
        const left = x(days[i] ?? 0) - barWidth / 2;
        parts.push(`M${r(left)} ${r(base)}V${r(y(v))}h${r(barWidth)}V${r(base)}Z`);
      });
      break;
    }
    case "band": {
      let run: number[] = [];
      const close = (): void => {
        if (run.length > 0) {
          const top = run.map((i) => `${r(x(days[i] ?? 0))} ${r(y(layer.high[i] ?? 0))}`);
          const bottom = run.map((i) => `${r(x(days[i] ?? 0))} ${r(y(layer.low[i] ?? 0))}`).reverse();
          parts.push(`M${top.join("L")}L${bottom.join("L")}Z`);
        }
        run = [];
      };
      layer.low.forEach((v, i) => {
        if (v === null || layer.high[i] === null || layer.high[i] === undefined) close();
        else run.push(i);
      });
      close();
      break;
    }
  }
  return parts.join("");
}

/** Lines of the read-out for the point at index `i`: "Label: value unit". */
function readoutLines(spec: ChartSpec, i: number): string[] {
  const lines: string[] = [];
  for (const layer of spec.layers) {
    if (layer.kind === "rule" || layer.kind === "segment") continue;
    if (layer.kind === "band") {
      const low = layer.low[i];
      const high = layer.high[i];
      if (low !== null && low !== undefined && high !== null && high !== undefined) {
        lines.push(`${layer.label}: ${spec.tick(low)}–${spec.value(high)}`);
      }
      continue;
    }
    const value = layer.values[i];
    if (value !== null && value !== undefined) lines.push(`${layer.label}: ${spec.value(value)}`);
  }
  return lines;
}

interface Geometry {
  x: (day: number) => number;
  width: number;
  height: number;
  dayWidth: number;
}

/**
 * A vertical cursor with the nearest point's values. A pointer press captures the
 * pointer, so a drag keeps the read-out however far the finger wanders; it stays after
 * the finger lifts (a tap shows it). The arrow keys step through the points.
 */
function follow(picture: SVGSVGElement, readout: HTMLElement, spec: ChartSpec, at: Geometry, onPick: OnPick | null): void {
  const line = svg("path", { class: "cursor-line" });
  const box = svg("rect", { class: "cursor-box", rx: 4 });
  const text = svg("text", { class: "cursor-text" });
  const group = svg("g", { class: "cursor", visibility: "hidden", "aria-hidden": "true" }, line, box, text);
  picture.append(group);
  const words = h("span", { class: "readout-text" });
  const edit = h("button", { type: "button", class: "secondary small readout-edit", hidden: true }, "Edit this day");
  readout.append(words, edit);
  let current = -1;
  const nearest = (day: number): number => {
    let lo = 0;
    let hi = spec.days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((spec.days[mid] ?? 0) < day) lo = mid + 1;
      else hi = mid;
    }
    const before = lo - 1;
    if (before >= 0 && day - (spec.days[before] ?? 0) < (spec.days[lo] ?? 0) - day) return before;
    return lo;
  };
  const show = (i: number): void => {
    const day = spec.days[i];
    if (day === undefined) return;
    current = i;
    const left = at.x(day);
    line.setAttribute("d", `M${left.toFixed(1)} ${MARGIN.top}V${at.height - MARGIN.bottom}`);
    const heading = spec.weekly ? `Week of ${toIso(day - 3)}` : toIso(day);
    const lines = [heading, ...readoutLines(spec, i)];
    text.replaceChildren(...lines.map((content, n) => svg("tspan", { x: 0, dy: n === 0 ? 0 : LINE }, content)));
    const width = Math.max(...lines.map((l) => l.length)) * CHAR + 12;
    const height = lines.length * LINE + 8;
    const boxX = left + 8 + width > at.width - MARGIN.right ? Math.max(left - 8 - width, 0) : left + 8;
    box.setAttribute("x", boxX.toFixed(1));
    box.setAttribute("y", String(MARGIN.top));
    box.setAttribute("width", width.toFixed(1));
    box.setAttribute("height", String(height));
    text.setAttribute("transform", `translate(${(boxX + 6).toFixed(1)} ${MARGIN.top + 15})`);
    group.setAttribute("visibility", "visible");
    words.textContent = `${lines[0] ?? ""}: ${lines.slice(1).join("; ") || "no value"}`;
    edit.hidden = onPick === null || spec.weekly;
    edit.setAttribute("aria-label", `Edit ${heading}`);
    edit.textContent = `Edit ${heading}`;
  };
  const hide = (): void => {
    group.setAttribute("visibility", "hidden");
  };
  const showAt = (clientX: number): void => {
    if (spec.days.length === 0) return;
    const rect = picture.getBoundingClientRect();
    const atX = ((clientX - rect.left) / rect.width) * at.width;
    show(nearest(spec.start + Math.floor((atX - MARGIN.left) / at.dayWidth)));
  };
  let pressed = false;
  picture.addEventListener("pointerdown", (event) => {
    pressed = true;
    picture.setPointerCapture(event.pointerId);
    showAt(event.clientX);
  });
  picture.addEventListener("pointermove", (event) => showAt(event.clientX));
  picture.addEventListener("pointerup", () => {
    pressed = false;
  });
  picture.addEventListener("pointercancel", () => {
    pressed = false;
  });
  // A mouse leaving hides the cursor; a finger's read-out stays until the next touch.
  picture.addEventListener("pointerleave", (event) => {
    if (!pressed && event.pointerType === "mouse") hide();
  });
  picture.addEventListener("focus", () => show(current >= 0 ? current : spec.days.length - 1));
  picture.addEventListener("blur", hide);
  picture.addEventListener("keydown", (event) => {
    const last = spec.days.length - 1;
    const moves: Record<string, number> = {
      ArrowLeft: Math.max(current - 1, 0),
      ArrowRight: Math.min(current + 1, last),
      Home: 0,
      End: last,
      PageUp: Math.max(current - 7, 0),
      PageDown: Math.min(current + 7, last),
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      show(next);
    } else if (event.key === "Enter" && onPick !== null && !spec.weekly && current >= 0) {
      event.preventDefault();
      onPick(toIso(spec.days[current] ?? 0));
    } else if (event.key === "Escape") hide();
  });
  edit.addEventListener("click", () => {
    const day = spec.days[current];
    if (onPick !== null && day !== undefined) onPick(toIso(day));
  });
}
