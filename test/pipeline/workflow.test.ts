/**
 * The GitHub Actions workflow (.github/workflows/pipeline.yml), read as text: its triggers, a
 * supported Node LTS, and the Pages URL handed to the build. (Running it needs GitHub; the
 * annotations and the summary it relies on are tested in test/pipeline/cli.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/ops.ts';

const workflow = readFileSync(path.join(ROOT, '.github/workflows/pipeline.yml'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };

describe('the pipeline workflow', () => {
  it('runs on a schedule, on demand and when the archive dispatches an event', () => {
    const on = /^on:\n((?: {2}.*\n|\s*\n)+)/m.exec(workflow)?.[1] ?? '';
    expect(on).toMatch(/^ {2}schedule:/m);
    expect(on).toMatch(/^ {2}workflow_dispatch:/m);
    expect(on).toMatch(/^ {2}repository_dispatch:\n {4}types: \[digests-updated\]/m);
  });

  it('builds on a supported Node LTS (22 or 24), while the package still allows 20', () => {
    expect(workflow).toMatch(/uses: actions\/setup-node@v\d+\n\s+with:\n\s+node-version: (22|24)\n/);
    expect(workflow).not.toMatch(/node-version: 20\b/);
    expect(pkg.engines.node).toBe('>=20');
  });

  it('passes the Pages URL from configure-pages to the build', () => {
    const pages = workflow.indexOf('id: pages');
    const build = workflow.indexOf('- name: Build');
    expect(pages).toBeGreaterThan(0);
    expect(workflow.slice(pages, pages + 80)).toMatch(/uses: actions\/configure-pages@v\d+/);
    expect(pages).toBeLessThan(build);
    expect(workflow.slice(build)).toMatch(/PIPELINE_SITE_URL: \$\{\{ steps\.pages\.outputs\.base_url \}\}/);
  });
});
