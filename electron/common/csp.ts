// The renderer's Content-Security-Policy, built in one place for the Electron
// protocol handler and the web server that serves the renderer in browser mode.

export interface CspOptions {
  /** Extra origins the renderer may send to (the hub or the event collector), e.g. https://collector.example.com */
  connectOrigins?: string[];
  /** Origins pack assets come from besides 'self' (pack: in Electron). */
  packOrigins?: string[];
}

export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const pack = options.packOrigins ?? [];
  const connect = ["'self'", ...pack, ...(options.connectOrigins ?? [])];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // wasm-unsafe-eval lets the barcode and hand decoders compile WebAssembly; no 'unsafe-eval'.
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'", 'blob:'],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...pack],
    'media-src': ["'self'", 'blob:', 'mediastream:', ...pack],
    'font-src': ["'self'"],
    'connect-src': connect,
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * connect-src origins for the configured collector: its origin alone (never its path
 * or credentials), or none when there is no usable http(s) URL.
 */
export function collectorConnectOrigins(collectorUrl: string | undefined): string[] {
  const origin = originOf(collectorUrl);
  return origin ? [origin] : [];
}

/**
 * connect-src origins for the kiosk's settings: the hub's origin when hub.url is set
 * (events and the agent's requests go there, never to the collector), otherwise the
 * collector's.
 */
export function kioskConnectOrigins(urls: { hubUrl?: string | undefined; collectorUrl?: string | undefined }): string[] {
  const hub = originOf(urls.hubUrl);
  return hub ? [hub] : collectorConnectOrigins(urls.collectorUrl);
}

/** The origin of a URL, or null for anything that is not http(s). */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}
