import { mkdtempSync, readdirSync, rmSync, watch } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

export interface WatchedTempFolder {
  /** Every name created in the folder since the watch began (or the last `clear`), even if removed again. */
  created(): Promise<string[]>;
  clear(): void;
  /** Ends the watch, gives os.tmpdir() back and removes the folder. */
  restore(): void;
}

/**
 * Points os.tmpdir() of this process, where the API under test runs, at a fresh folder and records every entry
 * created in it, even one that is removed a moment later (inotify). Jest gives a test file its own copy of
 * process.env, which Node's os.tmpdir() does not read, so TMPDIR cannot redirect it; replacing the function on the
 * shared `os` module does, for every caller that asks for the temp folder when it writes (Node, multer, file-type and
 * the portal's code all do). Anything written under the temp folder starts with an entry in it, so one level of
 * watching is enough.
 */
export function watchTempFolder(): WatchedTempFolder {
  const folder = mkdtempSync(join(os.tmpdir(), 'portal-tmpdir-watch-'));
  const names = new Set<string>();
  const watcher = watch(folder, (_event, name) => {
    if (name) names.add(String(name));
  });
  const original = os.tmpdir;
  os.tmpdir = () => folder;
  return {
    async created() {
      // inotify events arrive through the event loop: let those of the request that just ended come in.
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const name of readdirSync(folder)) names.add(name);
      return [...names].sort();
    },
    clear() {
      names.clear();
    },
    restore() {
      watcher.close();
      os.tmpdir = original;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
