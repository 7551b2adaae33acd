import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker module `name` (without extension) that sits beside `beside` (an import.meta.url).
 * Under tsx the module is TypeScript, whose loader a worker does not inherit when the parent was
 * started otherwise (vitest), so a small bootstrap registers it first; built, it is the .js beside.
 */
export function startModuleWorker(beside: string, name: string, options: WorkerOptions): Worker {
  const extension = beside.endsWith('.ts') ? '.ts' : '.js';
  const moduleUrl = new URL(`./${name}${extension}`, beside).href;
  if (extension === '.js') return new Worker(new URL(moduleUrl), options);
  // The ESM build of tsx's API (its CommonJS build cannot register from an eval'd script).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(moduleUrl)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
