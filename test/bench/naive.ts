/**
 * The naive one-shot baseline the pipeline bench compares against: glob, remark-parse every file,
 * MiniSearch with default options, write papers.json and search-index.json (no cache, no feeds,
 * no page). Run as a process of its own, like the pipeline: `node naive.mjs INPUT OUTPUT`
 * (test/bench/bench.ts compiles this file to JavaScript first).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { Heading, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import MiniSearch from 'minisearch';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

interface NaiveDoc {
  id: number;
  url: string;
  title: string;
  text: string;
}

/** Builds the naive output of `input` into `output`; returns the number of papers. */
export async function naiveRun(input: string, output: string): Promise<number> {
  const files = (await fg('**/*.md', { cwd: input, onlyFiles: true })).sort();
  const processor = unified().use(remarkParse);
  const docs: NaiveDoc[] = [];
  for (const file of files) {
    const tree = processor.parse(await readFile(path.join(input, file), 'utf8')) as Root;
    let current: NaiveDoc | null = null;
    for (const node of tree.children) {
      if (node.type === 'heading' && (node as Heading).depth === 3) {
        const link = (node as Heading).children.find((c): c is Link => c.type === 'link');
        current = { id: docs.length, url: link?.url ?? '', title: toString(node), text: '' };
        docs.push(current);
      } else if (node.type === 'heading') {
        current = null;
      } else if (current) {
        current.text += `${toString(node)}\n`;
      }
    }
  }
  const index = new MiniSearch<NaiveDoc>({ fields: ['title', 'text'], storeFields: ['title', 'url'] });
  index.addAll(docs);
  await mkdir(output, { recursive: true });
  await writeFile(path.join(output, 'papers.json'), JSON.stringify({ papers: docs }));
  await writeFile(path.join(output, 'search-index.json'), JSON.stringify(index));
  return docs.length;
}

const [input, output] = process.argv.slice(2);
if (input && output && /naive\.(m?js|ts)$/.test(process.argv[1] ?? '')) {
  naiveRun(input, output).then(
    (papers) => process.stdout.write(`${papers}\n`),
    (error: unknown) => {
      process.stderr.write(`naive: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
