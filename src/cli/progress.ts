/**
 * Progress for long CLI work: a redrawn bar on an interactive terminal, plain
 * occasional lines otherwise (CI logs, pipes), always on stderr so stdout stays clean.
 */
export interface Progress {
  update(done: number, note?: string): void;
  done(note?: string): void;
}

export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = Boolean(stream.isTTY) && process.env.CI !== 'true';
  const width = 28;
  let lastPct = -1;
  const line = (done: number, note = '') => {
    const frac = total > 0 ? Math.min(1, done / total) : 1;
    const pct = Math.floor(frac * 100);
    if (tty) {
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
      stream.write(`\r${label} ${bar} ${String(pct).padStart(3)}% ${note}`.padEnd(78));
    } else if (pct >= lastPct + 25 || done >= total) {
      if (pct === lastPct) return;
      stream.write(`${label}: ${pct}% (${done}/${total})${note ? ` ${note}` : ''}\n`);
    }
    lastPct = pct;
  };
  return {
    update: (done, note) => line(done, note),
    done(note) {
      line(total, note);
      if (tty) stream.write('\n');
    },
  };
}
