// Loaded with `node --import` by the benchmark: records the process's peak RSS (KiB) when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.GAZETTE_RSS_FILE) writeFileSync(process.env.GAZETTE_RSS_FILE, String(process.resourceUsage().maxRSS));
});
