import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package folder (package.json, samples/, reports/, data/), wherever the process was started. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A path inside the package folder: the home of the defaults (samples/, reports/, data/ansinh.sqlite). */
export function packagePath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}
