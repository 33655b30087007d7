// kiosk-pack: the merchandiser's tool for content packs (see program.ts).
import { runCli } from './program.ts';

// Output piped into `head` and closed early is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
