// Messages between the till page and its QR decoder worker: a frame in, text out. The
// frame goes no further than the worker; only the decoded text comes back.
export type ToQrDecoder = { type: 'decode'; id: number; frame: ImageBitmap };
export type FromQrDecoder = { type: 'ready' } | { type: 'decoded'; id: number; text: string | null } | { type: 'failed'; id: number; message: string };
