// The rules that tie a pack's records together: every id, GTIN and media file a record
// names must exist, and ids, GTINs and codes must be unique. Used by `validate` on a
// pack folder and by the kiosk when it imports a built pack.
import { catalogKey } from '../../schema/catalog.ts';
import type { Product } from '../../schema/product.ts';
import { bi, listOf, type Bilingual } from '../report/bilingual.ts';
import { printedGtin } from '../report/printed-code.ts';
import type { Located, ProblemList, Where } from '../report/problem.ts';
import type { LocatedData } from './located-data.ts';
import { brandingMedia, categoryMedia, gameMedia, playlistMedia, productMedia, promotionMedia, type MediaRef } from './media-refs.ts';

export interface ReferenceOptions {
  /** Whether a file exists in the pack (a path like "media/apple.png"). */
  hasFile: (path: string) => boolean;
  /** Also report warnings (things that work but are probably not meant). */
  warnings?: boolean;
  now?: Date;
}

const at = (where: Where, field: string): Where => ({ ...where, field: where.field ? `${where.field}.${field}` : field });

export class ReferenceChecker {
  /** Every media path some record points at (for "unused file" warnings). */
  readonly usedMedia = new Set<string>();
  private readonly productWhere = new Map<string, Where>();
  private readonly codeOwner = new Map<string, string>();
  private readonly pendingRelated: { where: Where; gtin: string }[] = [];
  private readonly categoryIds: Set<string>;

  constructor(
    private readonly data: LocatedData,
    private readonly problems: ProblemList,
    private readonly options: ReferenceOptions,
  ) {
    this.categoryIds = new Set(data.categories.map((c) => c.value.id));
    this.checkData();
  }

  /** Products may be added one at a time (a kiosk reads the catalog shard by shard). */
  addProduct(product: Product, where: Where): void {
    const earlier = this.productWhere.get(product.gtin);
    if (earlier) {
      this.problems.error(
        at(where, 'gtin'),
        bi(`条码 ${printedGtin(product.gtin)} 重复了，${describeZh(earlier)}也用了它`, `the code ${printedGtin(product.gtin)} appears twice; ${describeEn(earlier)} has it too`),
        bi('每个商品只写一行；删除重复的那一行或改正条码', 'list each product once: remove the duplicate or correct the code'),
      );
      return;
    }
    this.productWhere.set(product.gtin, where);
    if (!this.categoryIds.has(product.category)) {
      const known = listOf([...this.categoryIds]);
      this.problems.error(
        at(where, 'category'),
        bi(`分类 "${product.category}" 不在 data/categories.json 中`, `category "${product.category}" is not in data/categories.json`),
        bi(`在 data/categories.json 中添加这个分类，或改用已有的分类：${known}`, `add the category to data/categories.json or use one of: ${known}`),
      );
    }
    this.checkMedia(productMedia(product), where);
    product.codes.forEach((code, i) => this.claimCode(code, product.gtin, at(where, `codes[${i + 1}]`)));
    product.related.forEach((gtin, i) => {
      if (gtin === product.gtin) {
        this.warn(at(where, `related[${i + 1}]`), bi('商品把自己列为相关商品', 'the product lists itself as related'), bi('从 related 中删除它自己的条码', 'remove its own code from related'));
      } else {
        this.pendingRelated.push({ where: at(where, `related[${i + 1}]`), gtin });
      }
    });
    if (product.images.length === 0) {
      this.warn(at(where, 'images'), bi('商品没有图片，屏幕上会显示占位图', 'the product has no picture; the kiosk shows a placeholder'), bi('在 media/ 放一张商品图片并在 images 中写上文件名', 'put a picture in media/ and name it in images'));
    }
  }

  /** Checks what needs every product: related products and promotion products. */
  finish(): void {
    for (const { where, gtin } of this.pendingRelated) {
      if (!this.productWhere.has(gtin)) this.missingProduct(where, gtin, 'related');
    }
    for (const { value, where } of this.data.promotions) {
      value.products.forEach((gtin, i) => {
        if (!this.productWhere.has(gtin)) this.missingProduct(at(where, `products[${i + 1}]`), gtin, 'products');
      });
    }
    // Codes claimed before the product that owns the same GTIN was added.
    for (const [key, owner] of this.codeOwner) {
      const holder = this.productWhere.get(key);
      if (holder && key !== owner) this.codeClashesWithProduct(this.productWhere.get(owner)!, key);
    }
  }

  private claimCode(code: string, gtin: string, where: Where): void {
    const key = catalogKey(code);
    if (key === gtin) return;
    const owner = this.codeOwner.get(key);
    if (owner !== undefined && owner !== gtin) {
      this.problems.error(
        where,
        bi(`编码 ${code} 同时属于商品 ${printedGtin(owner)} 和 ${printedGtin(gtin)}`, `code ${code} belongs to both ${printedGtin(owner)} and ${printedGtin(gtin)}`),
        bi('一个编码只能对应一个商品；删除其中一个', 'a code can find only one product: remove it from one of them'),
      );
      return;
    }
    this.codeOwner.set(key, gtin);
  }

  private codeClashesWithProduct(where: Where, key: string): void {
    this.problems.error(
      at(where, 'codes'),
      bi(`其他编码 ${key} 是另一个商品的条码`, `the alternative code ${key} is the GTIN of another product`),
      bi('从 codes 中删除它，扫这个码应找到那个商品', 'remove it from codes: scanning it must find that other product'),
    );
  }

  private missingProduct(where: Where, gtin: string, list: string): void {
    this.problems.error(
      where,
      bi(`条码 ${printedGtin(gtin)} 的商品不在商品列表中`, `there is no product with the code ${printedGtin(gtin)}`),
      bi(`添加这个商品，或从 ${list} 中删除这个条码`, `add that product, or remove the code from ${list}`),
    );
  }

  private checkMedia(refs: readonly MediaRef[], where: Where): void {
    for (const { field, path } of refs) {
      this.usedMedia.add(path);
      if (!this.options.hasFile(path)) {
        this.problems.error(
          at(where, field),
          bi(`找不到文件 ${path}`, `the file ${path} is not in the pack`),
          bi('把文件放到 media 文件夹，文件名与这里完全一致（区分大小写），或改正这里的文件名', 'put the file in the media folder with exactly this name (names are case-sensitive), or correct the name here'),
        );
      }
    }
  }

  private warn(where: Where, message: Bilingual, fix: Bilingual): void {
    if (this.options.warnings) this.problems.warn(where, message, fix);
  }

  private checkUnique(records: readonly Located<{ id: string }>[], file: string): void {
    const seen = new Map<string, Where>();
    for (const { value, where } of records) {
      const first = seen.get(value.id);
      if (first) {
        this.problems.error(
          at(where, 'id'),
          bi(`编号 "${value.id}" 在 ${file} 中重复（第 ${first.record} 条也用了）`, `id "${value.id}" is used twice in ${file} (record ${first.record} has it too)`),
          bi('给每一条记录不同的编号', 'give each record its own id'),
        );
      } else {
        seen.set(value.id, where);
      }
    }
  }

  private checkData(): void {
    const d = this.data;
    this.checkUnique(d.categories, 'data/categories.json');
    this.checkUnique(d.promotions, 'data/promotions.json');
    this.checkUnique(d.campaigns, 'data/campaigns.json');
    this.checkUnique(d.games, 'data/games.json');
    this.checkUnique(d.playlists, 'data/playlists.json');

    if (d.branding) this.checkMedia(brandingMedia(d.branding.value), d.branding.where);
    for (const c of d.categories) this.checkMedia(categoryMedia(c.value), c.where);
    for (const p of d.promotions) this.checkMedia(promotionMedia(p.value), p.where);
    for (const g of d.games) this.checkMedia(gameMedia(g.value), g.where);
    for (const p of d.playlists) this.checkMedia(playlistMedia(p.value), p.where);

    this.checkPromotionDates();
    this.checkCampaigns();
    this.checkWheels();
    this.checkSchedule();
  }

  private checkPromotionDates(): void {
    for (const { value, where } of this.data.promotions) {
      if (value.validFrom && value.validTo && Date.parse(value.validFrom) >= Date.parse(value.validTo)) {
        this.problems.error(at(where, 'validTo'), bi('结束时间早于开始时间', 'the end time is before the start time'), bi('把 validTo 改到 validFrom 之后', 'make validTo later than validFrom'));
      }
    }
  }

  private checkCampaigns(): void {
    const games = new Map(this.data.games.map((g) => [g.value.id, g.value]));
    const now = this.options.now ?? new Date();
    for (const { value, where } of this.data.campaigns) {
      value.awards.forEach((award, i) => {
        if (!games.has(award.game)) this.missingId(at(where, `awards[${i + 1}].game`), award.game, 'game');
      });
      if (Date.parse(value.validTo) < now.getTime()) {
        this.warn(at(where, 'validTo'), bi(`活动已于 ${value.validTo} 结束，不会再发券`, `the campaign ended on ${value.validTo}; it issues no more coupons`), bi('延长 validTo，或删除这个活动', 'extend validTo or remove the campaign'));
      }
    }
  }

  private checkWheels(): void {
    const campaigns = new Map(this.data.campaigns.map((c) => [c.value.id, c.value]));
    for (const { value: game, where } of this.data.games) {
      if (game.kind !== 'wheel') continue;
      game.segments.forEach((segment, i) => {
        if (segment.campaign === undefined) return;
        const campaign = campaigns.get(segment.campaign);
        const field = `segments[${i + 1}].campaign`;
        if (!campaign) this.missingId(at(where, field), segment.campaign, 'campaign');
        else if (!campaign.awards.some((a) => a.game === game.id)) {
          this.warn(
            at(where, field),
            bi(`活动 "${campaign.id}" 的 awards 里没有这个转盘，转到这一格也不会发券`, `campaign "${campaign.id}" does not list this wheel in its awards, so this segment never awards a coupon`),
            bi(`在活动 "${campaign.id}" 的 awards 中加上 {"game": "${game.id}", "odds": 1}`, `add {"game": "${game.id}", "odds": 1} to the awards of campaign "${campaign.id}"`),
          );
        }
      });
    }
  }

  private checkSchedule(): void {
    const schedule = this.data.schedule;
    if (!schedule) return;
    const offered = new Set<string>();
    const slots = [{ field: 'default', slot: schedule.value.default }, ...schedule.value.dayparts.map((slot, i) => ({ field: `dayparts[${i + 1}]`, slot }))];
    for (const { field, slot } of slots) {
      if (!this.data.playlists.some((p) => p.value.id === slot.playlist)) this.missingId(at(schedule.where, `${field}.playlist`), slot.playlist, 'playlist');
      slot.games.forEach((id, i) => {
        offered.add(id);
        if (!this.data.games.some((g) => g.value.id === id)) this.missingId(at(schedule.where, `${field}.games[${i + 1}]`), id, 'game');
      });
    }
    for (const { value, where } of this.data.games) {
      if (!offered.has(value.id)) {
        this.warn(at(where, 'id'), bi(`游戏 "${value.id}" 没有出现在日程（schedule）中，顾客玩不到`, `game "${value.id}" is not in the schedule, so shoppers never see it`), bi('在 pack.json 的 schedule 中加入这个游戏，或删除它', 'add the game to the schedule in pack.json, or remove it'));
      }
    }
  }

  private missingId(where: Where, id: string, kind: 'game' | 'campaign' | 'playlist'): void {
    const files = { game: 'data/games.json', campaign: 'data/campaigns.json', playlist: 'data/playlists.json' } as const;
    const names = { game: ['游戏', 'game'], campaign: ['活动', 'campaign'], playlist: ['播放列表', 'playlist'] } as const;
    const list = { game: this.data.games, campaign: this.data.campaigns, playlist: this.data.playlists }[kind];
    const known = list.length ? listOf(list.map((r) => r.value.id)) : '—';
    this.problems.error(
      where,
      bi(`${files[kind]} 中没有编号为 "${id}" 的${names[kind][0]}`, `there is no ${names[kind][1]} with id "${id}" in ${files[kind]}`),
      bi(`在 ${files[kind]} 中添加它，或改用已有的编号：${known}`, `add it to ${files[kind]} or use one of: ${known}`),
    );
  }
}

function describeZh(w: Where): string {
  return w.row !== undefined ? `第 ${w.row} 行` : w.record !== undefined ? `${w.file} 第 ${w.record} 条` : w.file;
}

function describeEn(w: Where): string {
  return w.row !== undefined ? `row ${w.row}` : w.record !== undefined ? `record ${w.record} of ${w.file}` : w.file;
}
