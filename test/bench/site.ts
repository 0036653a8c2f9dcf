/** Builds the page (pageStep) for a dataset into a folder; shared by the browser test and the page benchmark. */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { configSchema } from '../../src/config-schema.ts';
import type { UserConfig } from '../../src/config.ts';
import type { Dataset } from '../../src/types.ts';
import type { Artifact } from '../../pipeline/publish/artifact.ts';
import { createStepContext, type StepContext } from '../../pipeline/context.ts';
import { pageStep } from '../../pipeline/steps/page.ts';

export function testContext(outDir: string, user: UserConfig = {}): StepContext {
  const config = configSchema.parse(user);
  return createStepContext({
    config: { ...config, inputDir: path.resolve('input'), outputDir: outDir, cacheDirAbs: path.join(outDir, '.cache'), cacheWorkDir: path.join(outDir, '.cache', 'input'), digest: 'test' },
    logger: { info: () => {}, progress: () => {}, warn: () => {} },
  }).ctx;
}

export async function writeArtifacts(dir: string, artifacts: Artifact[]): Promise<void> {
  for (const a of artifacts) {
    const file = path.join(dir, a.path);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, a.data);
  }
}

/** Writes the page for `dataset` into `outDir` (emptied first); returns the artifacts. */
export async function buildSite(dataset: Dataset, outDir: string, user: UserConfig = {}): Promise<Artifact[]> {
  await rm(outDir, { recursive: true, force: true });
  const artifacts = (await pageStep(testContext(outDir, user), { dataset })).value;
  await writeArtifacts(outDir, artifacts);
  return artifacts;
}
