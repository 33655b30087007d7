// Pack images as pixi textures, owned by one game session: loaded without pixi's
// global asset cache, and destroyed (GPU memory too) when the session ends.
import { ImageSource, Texture } from 'pixi.js';

export class TextureBag {
  private readonly loaded = new Map<string, Promise<Texture>>();
  private destroyed = false;

  /** The texture of an image URL; each URL is fetched and decoded once per bag. */
  load(url: string): Promise<Texture> {
    let texture = this.loaded.get(url);
    if (!texture) {
      texture = (async () => {
        const image = new Image();
        image.decoding = 'async';
        image.src = url;
        await image.decode();
        return new Texture({ source: new ImageSource({ resource: image, label: url }) });
      })();
      this.loaded.set(url, texture);
    }
    return texture;
  }

  /** Loads every URL; a broken image rejects with its URL in the message. */
  async loadAll(urls: readonly string[]): Promise<Texture[]> {
    return Promise.all(urls.map((url) => this.load(url).catch((err: unknown) => Promise.reject(new Error(`image ${url} could not be loaded (${(err as Error).message})`)))));
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const texture of this.loaded.values()) void texture.then((t) => t.destroyed || t.destroy(true), () => undefined);
    this.loaded.clear();
  }
}
