/**
 * A one-line progress indicator on stderr for long ingests. On a terminal it redraws in place;
 * elsewhere (CI, pipes) it stays silent so logs are not flooded.
 */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): {
  update(rows: number): void;
  done(rows: number): void;
} {
  const tty = stream.isTTY === true;
  const started = Date.now();
  let last = 0;
  const draw = (rows: number, final: boolean): void => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
    const text = `${label}: ${rows.toLocaleString('vi-VN')} dòng (${rate.toLocaleString('vi-VN')} dòng/giây)`;
    stream.write(`\r${text}\x1b[K${final ? '\n' : ''}`);
  };
  return {
    update(rows) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(rows, false);
    },
    done(rows) {
      if (tty) draw(rows, true);
    },
  };
}
