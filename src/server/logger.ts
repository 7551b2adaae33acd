/** Receives one structured record per request (and a few service events). */
export interface Logger {
  log(record: Readonly<Record<string, unknown>>): void;
}

/** Writes each record as one JSON line to stdout: what log collectors expect. */
export const jsonLineLogger: Logger = {
  log(record) {
    process.stdout.write(JSON.stringify(record) + '\n');
  },
};

/** Discards everything (tests). */
export const silentLogger: Logger = { log() {} };
