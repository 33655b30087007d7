// A worker thread that reads uploads (read-upload.ts) for the hub's main thread: inflating,
// parsing and checking a fleet's events is most of an upload's CPU, and here it runs on
// another core while the main thread writes the last uploads to the database. Each result
// goes back packed (packed-upload.ts), which the main thread takes in far more cheaply.
import { parentPort } from 'node:worker_threads';
import { packUpload } from './packed-upload.ts';
import { readUpload } from './read-upload.ts';
import type { UploadJob, UploadJobDone } from './upload-job.ts';

const port = parentPort;
if (!port) throw new Error('upload-worker runs as a worker thread');
port.on('message', (job: UploadJob) => {
  let done: UploadJobDone;
  try {
    done = { id: job.id, result: packUpload(readUpload(job.encoding, job.body, job.deviceId)) };
  } catch (err) {
    done = { id: job.id, error: (err as Error).message };
  }
  port.postMessage(done);
});
