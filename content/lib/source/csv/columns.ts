// The columns of a product sheet. Headers may be Chinese or English; the names below are
// compared after normalising (full-width → half-width, lower case, no spaces, _ or -,
// and a unit note such as "(元)" dropped).
import { bi, type Bilingual } from '../../report/bilingual.ts';

export type ProductColumn =
  | 'gtin' | 'codes' | 'nameZh' | 'nameEn' | 'descriptionZh' | 'descriptionEn' | 'price' | 'promoPrice' | 'category' | 'brand' | 'brandEn'
  | 'unit' | 'spec' | 'region' | 'farm' | 'batch' | 'producedOn' | 'story' | 'storyEn' | 'certifications' | 'images' | 'related';

interface ColumnInfo {
  aliases: readonly string[];
  /** How the column is named in messages. */
  label: Bilingual;
  required?: boolean;
}

export const COLUMNS: Readonly<Record<ProductColumn, ColumnInfo>> = {
  gtin: { aliases: ['条码', '商品条码', '条形码', '国际条码', 'gtin', 'ean', 'ean13', 'barcode'], label: bi('条码', 'GTIN'), required: true },
  codes: { aliases: ['其他条码', '其他编码', '附加条码', '店内码', '货号', 'sku', 'plu', 'codes', 'othercodes'], label: bi('其他编码', 'codes') },
  nameZh: { aliases: ['名称', '商品名称', '品名', '商品名', '中文名称', '中文名', 'name', 'namezh', 'productname'], label: bi('商品名称', 'name'), required: true },
  nameEn: { aliases: ['英文名称', '英文名', 'nameen', 'englishname'], label: bi('英文名称', 'English name') },
  descriptionZh: { aliases: ['描述', '商品描述', '说明', '介绍', '商品介绍', 'description', 'descriptionzh'], label: bi('商品描述', 'description') },
  descriptionEn: { aliases: ['英文描述', '英文介绍', 'descriptionen', 'englishdescription'], label: bi('英文描述', 'English description') },
  price: { aliases: ['价格', '售价', '零售价', '单价', 'price'], label: bi('价格', 'price'), required: true },
  promoPrice: { aliases: ['促销价', '特价', '活动价', 'promoprice', 'saleprice'], label: bi('促销价', 'promo price') },
  category: { aliases: ['分类', '类别', '品类', '商品分类', 'category'], label: bi('分类', 'category'), required: true },
  brand: { aliases: ['品牌', 'brand'], label: bi('品牌', 'brand') },
  brandEn: { aliases: ['英文品牌', '品牌英文名', 'branden', 'englishbrand'], label: bi('英文品牌', 'English brand') },
  unit: { aliases: ['单位', '销售单位', 'unit'], label: bi('单位', 'unit') },
  spec: { aliases: ['规格', '规格型号', 'spec', 'size'], label: bi('规格', 'size') },
  region: { aliases: ['产地', '原产地', '产区', 'origin', 'region'], label: bi('产地', 'region') },
  farm: { aliases: ['农场', '基地', '生产基地', '种植基地', 'farm'], label: bi('农场', 'farm') },
  batch: { aliases: ['批次', '批号', '生产批次', 'batch', 'lot'], label: bi('批次', 'batch') },
  producedOn: { aliases: ['生产日期', '采收日期', 'producedon', 'productiondate'], label: bi('生产日期', 'production date') },
  story: { aliases: ['溯源故事', '故事', '产品故事', 'story'], label: bi('溯源故事', 'story') },
  storyEn: { aliases: ['英文溯源故事', '英文故事', 'storyen'], label: bi('英文溯源故事', 'English story') },
  certifications: { aliases: ['认证', '资质认证', 'certifications'], label: bi('认证', 'certifications') },
  images: { aliases: ['图片', '商品图片', '图片文件', 'image', 'images', 'picture'], label: bi('图片', 'images') },
  related: { aliases: ['相关商品', '关联商品', '搭配商品', 'related'], label: bi('相关商品', 'related') },
};

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\((元|yuan|rmb|cny|¥)\)/g, '')
    .replace(/[\s_\-()]/g, '');
}

const BY_ALIAS = new Map<string, ProductColumn>(
  (Object.entries(COLUMNS) as [ProductColumn, ColumnInfo][]).flatMap(([column, info]) => info.aliases.map((alias) => [normaliseHeader(alias), column] as const)),
);

export function columnOf(header: string): ProductColumn | undefined {
  return BY_ALIAS.get(normaliseHeader(header));
}

/** Which product field (first JSON path segments) each column fills, for naming the column in a problem. */
export const FIELD_COLUMN: readonly [string, ProductColumn][] = [
  ['gtin', 'gtin'], ['codes', 'codes'], ['name.zh-CN', 'nameZh'], ['name.en', 'nameEn'], ['name', 'nameZh'],
  ['description.zh-CN', 'descriptionZh'], ['description.en', 'descriptionEn'], ['description', 'descriptionZh'],
  ['price', 'price'], ['promoPrice', 'promoPrice'], ['category', 'category'], ['brand.en', 'brandEn'], ['brand', 'brand'], ['unit', 'unit'], ['specs', 'spec'],
  ['origin.region', 'region'], ['origin.farm', 'farm'], ['origin.batch', 'batch'], ['origin.producedOn', 'producedOn'],
  ['origin.story.en', 'storyEn'], ['origin.story', 'story'], ['origin.certifications', 'certifications'], ['images', 'images'], ['related', 'related'],
];
