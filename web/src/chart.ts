/**
 * Our own small SVG time-series chart: dots, lines, bars, an interval band and a
 * horizontal rule over calendar days. Each layer is one <path>, so ten years of days
 * stay a handful of DOM nodes. Colours come from CSS classes (no inline styles).
 */

import { svg, h } from "./dom";
import { toIso, weekday } from "./dates";
import { number, type Kind } from "./format";

type Values = ReadonlyArray<number | null>;

export type Layer =
  | { kind: "dots" | "line"; values: Values; className: string; label: string }
  | { kind: "bars"; values: Values; className: string; label: string; base?: number }
  | { kind: "band"; low: Values; high: Values; className: string; label: string }
  | { kind: "rule"; value: number; className: string; label: string };

export interface ChartSpec {
  id: string;
  title: string;
  unit: Kind;
  /** The days shown, inclusive, as day numbers (see dates.ts). */
  start: number;
  end: number;
  /** The day of each value in the layers' value arrays. */
  days: readonly number[];
  layers: readonly Layer[];
  /** One or two sentences that say what the chart holds, in words. */
  summary: string;
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { left: 56, right: 12, top: 12, bottom: 26 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

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
    else if (layer.kind === "band") {
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

function xTicks(start: number, end: number): Array<[number, string]> {
  const span = end - start + 1;
  const ticks: Array<[number, string]> = [];
  if (span <= 10) {
    for (let d = start; d <= end; d += span > 5 ? 2 : 1) ticks.push([d, toIso(d).slice(5)]);
    return ticks;
  }
  if (span <= 75) {
    for (let d = start; d <= end; d++) {
      if (weekday(d) !== 1) continue;
      const iso = toIso(d);
      ticks.push([d, `${Number(iso.slice(8))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`]);
    }
    return span > 40 ? ticks.filter((_, i) => i % 2 === 0) : ticks;
  }
  const yearly = span > 800;
  const all: Array<[number, string]> = [];
  for (let d = start; d <= end; d++) {
    const iso = toIso(d);
    if (iso.endsWith("-01") && (!yearly || iso.slice(5, 7) === "01")) {
      const month = Number(iso.slice(5, 7));
      all.push([d, yearly || month === 1 ? iso.slice(0, 4) : (MONTHS[month - 1] ?? "")]);
    }
  }
  const every = Math.ceil(all.length / 10);
  return all.filter((_, i) => i % every === 0);
}

/** The chart as a <figure> with its title, the SVG, a legend and the summary. */
export function chart(spec: ChartSpec): HTMLElement {
  const titleId = `${spec.id}-title`;
  const summaryId = `${spec.id}-summary`;
  const caption = h("figcaption", {}, h("h3", { id: titleId }, spec.title));
  const summary = h("p", { id: summaryId, class: "chart-summary" }, spec.summary);
  const [low, high, step] = yDomain(spec.layers);
  const empty = !spec.layers.some(
    (layer) => layer.kind !== "rule" && (layer.kind === "band" ? layer.low : layer.values).some((v) => v !== null),
  );
  const dayWidth = PLOT_W / (spec.end - spec.start + 1);
  const x = (day: number): number => MARGIN.left + (day - spec.start + 0.5) * dayWidth;
  const y = (v: number): number => MARGIN.top + PLOT_H - ((v - low) / (high - low)) * PLOT_H;
  const r = (v: number): string => v.toFixed(1);

  const grid: string[] = [];
  const labels: SVGElement[] = [];
  for (let v = low; !empty && v <= high + step / 2; v += step) {
    grid.push(`M${MARGIN.left} ${r(y(v))}H${WIDTH - MARGIN.right}`);
    labels.push(
      svg("text", { x: MARGIN.left - 6, y: r(y(v) + 4), class: "tick tick-y" }, number(v, spec.unit)),
    );
  }
  for (const [day, label] of xTicks(spec.start, spec.end)) {
    grid.push(`M${r(x(day))} ${HEIGHT - MARGIN.bottom}v4`);
    labels.push(svg("text", { x: r(x(day)), y: HEIGHT - 6, class: "tick tick-x" }, label));
  }

  const paths = spec.layers.map((layer) => {
    const d = pathOf(layer, spec.days, x, y, dayWidth, r);
    return svg("path", { d: d === "" ? null : d, class: `layer ${layer.kind} ${layer.className}` });
  });

  if (empty) {
    const middle = MARGIN.top + PLOT_H / 2;
    labels.push(svg("text", { x: MARGIN.left + PLOT_W / 2, y: middle, class: "no-data" }, "No data in this range"));
  }
  const picture = svg(
    "svg",
    {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: "img",
      "aria-labelledby": titleId,
      "aria-describedby": summaryId,
      // Over more days than about two pixels each, marks thin out so the lines stay readable.
      class: spec.end - spec.start + 1 > PLOT_W / 2 ? "chart-svg dense" : "chart-svg",
    },
    svg("path", { d: grid.join(""), class: "grid" }),
    ...paths,
    ...labels,
  );
  if (!empty) follow(picture, spec, x, dayWidth);
  const legend = h(
    "ul",
    { class: "legend" },
    ...spec.layers.map((layer) =>
      h("li", {}, h("span", { class: `key key-${layer.kind} ${layer.className}` }), layer.label),
    ),
  );
  return h(
    "figure",
    { class: "chart", id: spec.id },
    caption,
    picture,
    legend,
    summary,
  );
}

function pathOf(
  layer: Layer,
  days: readonly number[],
  x: (day: number) => number,
  y: (v: number) => number,
  dayWidth: number,
  r: (v: number) => string,
): string {
  const parts: string[] = [];
  switch (layer.kind) {
    case "rule":
      return `M${MARGIN.left} ${r(y(layer.value))}H${WIDTH - MARGIN.right}`;
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
      const width = Math.max(dayWidth * 0.7, 0.6);
      const base = y(layer.base ?? 0);
      layer.values.forEach((v, i) => {
        if (v === null) return;
        const left = x(days[i] ?? 0) - width / 2;
        parts.push(`M${r(left)} ${r(base)}V${r(y(v))}h${r(width)}V${r(base)}Z`);
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

function valueText(value: number | null | undefined, unit: Kind): string | null {
  return value === null || value === undefined ? null : number(value, unit);
}

/** Lines of the hover read-out for the value at index `i`: "Label: value". */
function readout(spec: ChartSpec, i: number): string[] {
  const lines: string[] = [];
  for (const layer of spec.layers) {
    if (layer.kind === "rule") continue;
    if (layer.kind === "band") {
      const low = valueText(layer.low[i], spec.unit);
      const high = valueText(layer.high[i], spec.unit);
      if (low !== null && high !== null) lines.push(`${layer.label}: ${low}–${high}`);
      continue;
    }
    const value = valueText(layer.values[i], spec.unit);
    if (value !== null) lines.push(`${layer.label}: ${value}`);
  }
  return lines;
}

/** A vertical cursor with the nearest logged day's values, following the pointer. */
function follow(picture: SVGSVGElement, spec: ChartSpec, x: (day: number) => number, dayWidth: number): void {
  const line = svg("path", { class: "cursor-line" });
  const box = svg("rect", { class: "cursor-box", rx: 4 });
  const text = svg("text", { class: "cursor-text" });
  const group = svg("g", { class: "cursor", visibility: "hidden", "aria-hidden": "true" }, line, box, text);
  picture.append(group);
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
  picture.addEventListener("pointermove", (event) => {
    if (spec.days.length === 0) return;
    const rect = picture.getBoundingClientRect();
    const at = ((event.clientX - rect.left) / rect.width) * WIDTH;
    const i = nearest(spec.start + Math.floor((at - MARGIN.left) / dayWidth));
    const day = spec.days[i];
    if (day === undefined) return;
    const left = x(day);
    line.setAttribute("d", `M${left.toFixed(1)} ${MARGIN.top}V${HEIGHT - MARGIN.bottom}`);
    const lines = [toIso(day), ...readout(spec, i)];
    text.replaceChildren(...lines.map((content, n) => svg("tspan", { x: 0, dy: n === 0 ? 0 : 14 }, content)));
    const width = Math.max(...lines.map((l) => l.length)) * 6.4 + 12;
    const height = lines.length * 14 + 8;
    const boxX = left + 8 + width > WIDTH - MARGIN.right ? left - 8 - width : left + 8;
    box.setAttribute("x", boxX.toFixed(1));
    box.setAttribute("y", String(MARGIN.top));
    box.setAttribute("width", width.toFixed(1));
    box.setAttribute("height", String(height));
    text.setAttribute("transform", `translate(${(boxX + 6).toFixed(1)} ${MARGIN.top + 15})`);
    group.setAttribute("visibility", "visible");
  });
  picture.addEventListener("pointerleave", () => group.setAttribute("visibility", "hidden"));
}
