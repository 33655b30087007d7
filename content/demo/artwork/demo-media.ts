// Every picture of the demo pack, drawn from its data: what to draw at which path.
import type { Product, Category } from '../../schema/product.ts';
import { mediaVariantPaths } from '../../schema/media-variants.ts';
import type { Promotion } from '../../schema/promotion.ts';
import { backgroundSvg, basketSvg, bugSvg, cherrySvg, cloverSvg, coverSvg, giftSvg, iconSvg, spriteSvg, starSvg } from './game-art.ts';
import { CATEGORY_COLOURS, CATEGORY_ICONS, GAME_LOOKS, PRODUCT_LOOKS, type Look } from './looks.ts';
import { productSvg } from './product-art.ts';
import { bannerSvg, categoryIconSvg, logoSvg, portraitSceneSvg, sceneSvg, type Scene } from './scene-art.ts';

export interface MediaJob {
  svg: () => string;
  format: 'png' | 'webp';
}

export interface DemoData {
  products: Product[];
  categories: Category[];
  promotions: Promotion[];
}

const slugOf = (image: string) => image.slice(image.lastIndexOf('/') + 1, image.lastIndexOf('.'));

function productLook(slug: string): Look {
  const look = PRODUCT_LOOKS[slug];
  if (!look) throw new Error(`no artwork look for media/products/${slug}.webp: add it to content/demo/artwork/looks.ts`);
  return look;
}

const looks = (...slugs: string[]) => slugs.map(productLook);

const SLIDES: Record<string, Scene> = {
  welcome: { title: '欢迎光临 鲜选超市', subtitle: 'Welcome to FreshPick Market', note: '轻触屏幕开始 · Touch to start', colour: '#1b7f3b', looks: looks('fuji-apple', 'bok-choy', 'fresh-milk', 'whole-wheat-toast') },
  'fresh-fruit': { title: '周末鲜果节', subtitle: 'Weekend fruit festival', note: '低至 8 折 · From 20% off', colour: '#e65100', looks: looks('dandong-strawberry', 'gannan-orange', 'shine-muscat', 'kiwi') },
  'scan-to-trace': { title: '扫一扫 看产地', subtitle: 'Scan to see where it comes from', note: '农场 · 批次 · 检测 Farm · batch · tests', colour: '#00695c', looks: looks('free-range-eggs', 'salmon', 'rice', 'tomato') },
  'play-and-win': { title: '玩游戏 赢好券', subtitle: 'Play a game, win a coupon', note: '满59减10 · ¥10 off ¥59', colour: '#ad1457', looks: [GAME_LOOKS.apple!, GAME_LOOKS.orange!, GAME_LOOKS.strawberry!, GAME_LOOKS.grapes!] },
  breakfast: { title: '早餐好搭档', subtitle: 'Breakfast partners', note: '牛奶 · 吐司 · 鸡蛋', colour: '#f9a825', looks: looks('fresh-milk', 'whole-wheat-toast', 'free-range-eggs', 'croissant') },
  hotpot: { title: '冬日火锅季', subtitle: 'Winter hotpot season', note: '肥牛 · 菌菇 · 底料', colour: '#b71c1c', looks: looks('beef-slices', 'hotpot-base', 'enoki', 'tofu') },
};

const BANNER_COLOURS: Record<string, string> = { 'weekend-fruit': '#e65100', 'breakfast-partners': '#f9a825', 'hotpot-season': '#b71c1c', 'drinks-second-half': '#0277bd' };

function wheelIconSvg(): string {
  const colours = ['#1b7f3b', '#f5c542', '#ff8a00', '#7cc576'];
  const slices = Array.from({ length: 8 }, (_, i) => {
    const a0 = (i * Math.PI) / 4;
    const a1 = ((i + 1) * Math.PI) / 4;
    return `<path d="M128 128 L${128 + 100 * Math.cos(a0)} ${128 + 100 * Math.sin(a0)} A100 100 0 0 1 ${128 + 100 * Math.cos(a1)} ${128 + 100 * Math.sin(a1)}Z" fill="${colours[i % 4]}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><rect width="256" height="256" rx="64" fill="#fff4e5"/>${slices.join('')}<circle cx="128" cy="128" r="18" fill="#fff"/><path d="M128 14 L144 44 L112 44Z" fill="#263238"/></svg>`;
}

export function demoMediaJobs(data: DemoData): Map<string, MediaJob> {
  const jobs = new Map<string, MediaJob>();
  const png = (svg: () => string): MediaJob => ({ svg, format: 'png' });
  const webp = (svg: () => string): MediaJob => ({ svg, format: 'webp' });

  jobs.set('media/brand/logo.png', png(logoSvg));
  for (const category of data.categories) {
    const look = CATEGORY_ICONS[category.id];
    if (category.icon && look) jobs.set(category.icon, png(() => categoryIconSvg(look, CATEGORY_COLOURS[category.id] ?? '#ffffff')));
  }
  for (const product of data.products) {
    for (const image of product.images) {
      const look = productLook(slugOf(image));
      jobs.set(image, webp(() => productSvg(look, { zh: product.name['zh-CN'], en: product.name.en }, CATEGORY_COLOURS[product.category] ?? '#f5f5f5')));
    }
  }
  const bySlug = new Map(data.products.map((p) => [p.gtin, slugOf(p.images[0] ?? '')]));
  // Banners: the default in Chinese (with the English title under it); an English one
  // with no Chinese on it for the "en" variant.
  for (const promotion of data.promotions) {
    const scene: Scene = {
      title: promotion.title['zh-CN'],
      subtitle: promotion.title.en ?? '',
      colour: BANNER_COLOURS[promotion.id] ?? '#1b7f3b',
      looks: promotion.products.slice(0, 4).map((gtin) => productLook(bySlug.get(gtin) ?? '')),
    };
    for (const { variant, path } of mediaVariantPaths(promotion.image)) {
      if (variant === 'en') jobs.set(path, webp(() => bannerSvg({ ...scene, title: promotion.title.en ?? scene.title, subtitle: promotion.badge?.en ?? '' })));
      else if (variant === '' || variant === 'src') jobs.set(path, webp(() => sceneSvg(scene, 1200, 600, false)));
      else throw new Error(`no artwork for the ${variant} banner of promotion ${promotion.id}: draw it in content/demo/artwork/demo-media.ts`);
    }
  }
  // Attract slides: 16:9 by default, and 9:16 for portrait screens.
  for (const [name, scene] of Object.entries(SLIDES)) {
    jobs.set(`media/slides/${name}.webp`, webp(() => sceneSvg(scene, 1920, 1080, true)));
    jobs.set(`media/slides/${name}-9x16.webp`, webp(() => portraitSceneSvg(scene)));
  }

  for (const name of ['apple', 'orange', 'strawberry', 'grapes', 'peach', 'rotten']) jobs.set(`media/games/catch/${name}.png`, png(() => spriteSvg(GAME_LOOKS[name]!)));
  jobs.set('media/games/catch/bug.png', png(bugSvg));
  jobs.set('media/games/catch/basket.png', png(basketSvg));
  jobs.set('media/games/catch/background.webp', webp(() => backgroundSvg(['#eaf6e3', '#c5e1a5'], [GAME_LOOKS.apple!, GAME_LOOKS.orange!, GAME_LOOKS.grapes!])));
  jobs.set('media/games/catch/background-9x16.webp', webp(() => backgroundSvg(['#eaf6e3', '#c5e1a5'], [GAME_LOOKS.apple!, GAME_LOOKS.orange!, GAME_LOOKS.grapes!], 'portrait')));
  jobs.set('media/games/catch/icon.png', png(() => iconSvg(GAME_LOOKS.apple!, '#eaf6e3')));
  jobs.set('media/games/wheel/background.webp', webp(() => backgroundSvg(['#fff4e5', '#ffe0b2'], [GAME_LOOKS.orange!, GAME_LOOKS.strawberry!])));
  jobs.set('media/games/wheel/background-9x16.webp', webp(() => backgroundSvg(['#fff4e5', '#ffe0b2'], [GAME_LOOKS.orange!, GAME_LOOKS.strawberry!], 'portrait')));
  jobs.set('media/games/wheel/icon.png', png(wheelIconSvg));
  jobs.set('media/games/scratch/background.webp', webp(() => backgroundSvg(['#fdeef4', '#f8bbd0'], [GAME_LOOKS.strawberry!, GAME_LOOKS.peach!])));
  jobs.set('media/games/scratch/background-9x16.webp', webp(() => backgroundSvg(['#fdeef4', '#f8bbd0'], [GAME_LOOKS.strawberry!, GAME_LOOKS.peach!], 'portrait')));
  jobs.set('media/games/scratch/icon.png', png(starSvg));
  jobs.set('media/games/scratch/cover.png', png(coverSvg));
  jobs.set('media/games/scratch/cherry.png', png(cherrySvg));
  jobs.set('media/games/scratch/star.png', png(starSvg));
  jobs.set('media/games/scratch/clover.png', png(cloverSvg));
  jobs.set('media/games/scratch/carrot.png', png(() => spriteSvg(GAME_LOOKS.carrot!)));
  jobs.set('media/games/scratch/gift.png', png(giftSvg));
  return jobs;
}
