/**
 * One look for every chart: the outlet colours, fonts and sizes. An outlet keeps its colour in
 * every chart because every chart builds its colour scale from the same sorted list of outlets.
 * @module
 */

/** Tableau 10: distinct, colour-blind-friendlier than most, readable on white. */
export const OUTLET_PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
] as const;

/**
 * Colours for what is not an outlet (over/under-use, speaker types, reuse classes), kept apart
 * from {@link OUTLET_PALETTE} so no colour means two things.
 */
export const MEANING_COLORS = {
  over: "#b2182b",
  under: "#2166ac",
  person: "#6a3d9a",
  organisation: "#1b7837",
  document: "#8c510a",
  unknown: "#bbbbbb",
  verbatim: "#b2182b",
  nearVerbatim: "#762a83",
  paraphrase: "#1b7837",
  topical: "#bbbbbb",
  sharedQuotation: "#e08214",
} as const;

/** The fonts charts ask for: DejaVu Sans is what the PNG renderer loads on these machines. */
export const CHART_FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

/** A Vega-Lite colour scale that gives each outlet the same colour in every chart. */
export function outletScale(outlets: readonly string[]): { domain: string[]; range: string[] } {
  const domain = [...new Set(outlets)].sort();
  return { domain, range: domain.map((_, i) => OUTLET_PALETTE[i % OUTLET_PALETTE.length]) };
}

/** The Vega-Lite `config` shared by every chart. */
export const CHART_CONFIG = {
  font: CHART_FONT,
  view: { stroke: null },
  // No label limit: the headless renderer measures text wider than it draws, and a limit there
  // cuts labels a reader needs ("special military operati…").
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0 },
  header: { labelFontSize: 12, titleFontSize: 12, labelLimit: 260 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
  title: { fontSize: 15, anchor: "start", subtitleFontSize: 12, subtitleColor: "#555" },
} as const;
