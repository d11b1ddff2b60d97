import cliProgress from "cli-progress";
import type { CliIo } from "./io";

export type Progress = { update: (done: number, total: number) => void; stop: () => void };

/** A bar on stderr when interactive; otherwise a line at each tenth, so logs stay readable. */
export function startProgress(io: CliIo, label: string): Progress {
  if (io.interactive) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.setTotal(total);
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update(done, total) {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        io.err(`${label}: ${tenth * 10}%`);
      }
    },
    stop: () => undefined,
  };
}
