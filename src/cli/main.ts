import { limitHeapGrowth } from '../config/heap.js';
import { runCli } from './program.js';

limitHeapGrowth();
process.exitCode = await runCli(process.argv);
