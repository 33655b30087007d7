// The custom messages written in content/schema, in both languages. The schema speaks
// English (it is shared with the renderer); merchandisers read both. A test checks that
// every message in content/schema has an entry here.
import { bi, type Bilingual } from './bilingual.ts';

export interface SchemaMessage {
  /** What is wrong; omitted when the schema's message is itself the fix. */
  message?: Bilingual;
  fix: Bilingual;
}

export const SCHEMA_MESSAGES: Readonly<Record<string, SchemaMessage>> = {
  'use an ISO currency code such as CNY': { fix: bi('填写三个大写字母的货币代码，例如 CNY', 'use an ISO currency code such as CNY') },
  'the link must contain {gtin}': { fix: bi('链接中要包含 {gtin}，扫码时会替换成商品条码', 'the link must contain {gtin}; it is replaced by the product code') },
  'the link must contain {token}': { fix: bi('链接中要包含 {token}，会替换成优惠券码', 'the link must contain {token}; it is replaced by the coupon') },
  'the claim link is too long for a QR code a phone reads off a screen: at most 80 characters besides {token}': {
    message: bi('领取链接太长，二维码会太密，手机难以从屏幕上扫出', 'the claim link is too long: its QR code would be too dense for a phone to read off the screen'),
    fix: bi('用更短的域名或路径，{token} 以外不超过 80 个字符（例如 https://shop.example/c/{token}）', 'use a shorter domain or path: at most 80 characters besides {token} (e.g. https://shop.example/c/{token})'),
  },
  'a brand is one name of at most 80 characters, or a name per language with the Chinese one': {
    message: bi('品牌的写法不对：一个名称（不超过 80 个字），或按语言分别写且要有中文名称', 'is not a brand: one name of at most 80 characters, or a name per language with the Chinese one'),
    fix: bi('写一个名称，例如 "鲜选果园"；或写 {"zh-CN": "鲜选果园", "en": "FreshPick Orchards"}（表格中填写“品牌”和“英文品牌”两列）', 'write one name, e.g. "鲜选果园", or {"zh-CN": "鲜选果园", "en": "FreshPick Orchards"} (in a sheet: the brand and English brand columns)'),
  },
  'say which game awards this coupon': {
    message: bi('没有写由哪个游戏发放这张优惠券', 'no game awards this coupon'),
    fix: bi('在 awards 中至少添加一项，例如 {"game": "lucky-wheel", "odds": 0.3}', 'add at least one entry to awards, e.g. {"game": "lucky-wheel", "odds": 0.3}'),
  },
  'validTo must be after validFrom': {
    message: bi('结束时间早于开始时间', 'the end time is before the start time'),
    fix: bi('把 validTo（结束时间）改到 validFrom（开始时间）之后', 'make validTo later than validFrom'),
  },
  'add at least one image of something to catch': {
    message: bi('接物游戏没有可接的物品图片', 'the catch game has no images of things to catch'),
    fix: bi('在 goodItems 中至少添加一张图片，例如 "media/games/apple.png"', 'add at least one image to goodItems, e.g. "media/games/apple.png"'),
  },
  'add at least one "try again" segment (one without a campaign): the wheel lands there when the shopper wins nothing': {
    message: bi('转盘上没有“谢谢参与”格', 'the wheel has no "try again" segment'),
    fix: bi('至少加一格不写 campaign 的“谢谢参与”：没中奖时转盘会停在那里', 'add at least one segment without a campaign ("try again"): the wheel stops there when the shopper wins nothing'),
  },
  'a scratch card needs at least 3 symbol images': {
    message: bi('刮刮卡的图案少于 3 个', 'the scratch card has fewer than 3 symbols'),
    fix: bi('在 symbols 中至少放 3 张图片', 'put at least 3 images in symbols'),
  },
  'needs Chinese (zh-CN) text': {
    message: bi('缺少中文文字', 'the Chinese (zh-CN) text is missing'),
    fix: bi('填写中文（"zh-CN"），英文（"en"）可以不填', 'write the Chinese text ("zh-CN"); English ("en") is optional'),
  },
  'sha256 must be 64 lower-case hex digits': { fix: bi('SHA-256 必须是 64 位小写十六进制数字；请用 kiosk-pack build 重新生成', 'a SHA-256 is 64 lower-case hex digits; rebuild the pack with kiosk-pack build') },
  'use a version like 1.4.0': { fix: bi('版本号写成 1.4.0 这样的三段数字', 'use a version like 1.4.0') },
  'an Ed25519 signature is 64 bytes of base64': { fix: bi('签名文件已损坏；请用 kiosk-pack sign 重新签名', 'the signature is damaged; sign the pack again with kiosk-pack sign') },
  'a playlist needs at least one image or video': {
    message: bi('播放列表是空的', 'the playlist is empty'),
    fix: bi('在 items 中至少添加一张图片或一个视频', 'add at least one image or video to items'),
  },
  'use 1–64 lower-case letters, digits and dashes, e.g. "spring-sale"': {
    fix: bi('编号只能用小写英文字母、数字和短横线（1–64 个字符），例如 "spring-sale"', 'use 1–64 lower-case letters, digits and dashes, e.g. "spring-sale"'),
  },
  'use a relative path inside the pack with letters, digits, . _ - and / only, e.g. "media/logo.png"': {
    fix: bi('文件路径只能用英文字母、数字和 . _ - /（不能有空格或中文），例如 "media/logo.png"；必要时给文件改名', 'use a path inside the pack with letters, digits, . _ - and / only (no spaces or Chinese), e.g. "media/logo.png"; rename the file if needed'),
  },
  'images must be .png, .jpg, .webp or .svg': { fix: bi('图片必须是 .png、.jpg、.webp 或 .svg 文件', 'images must be .png, .jpg, .webp or .svg') },
  'videos must be .mp4 or .webm': { fix: bi('视频必须是 .mp4 或 .webm 文件', 'videos must be .mp4 or .webm') },
  'use a colour like #e60012': { fix: bi('颜色写成 # 加 6 位十六进制数字，例如 #e60012', 'use a colour like #e60012') },
  'a product key is 14 digits (pad EAN-13 with a leading 0)': {
    fix: bi('商品条码写成 14 位数字（13 位的 EAN-13 前面补一个 0）', 'write the product code as 14 digits (put a 0 in front of an EAN-13)'),
  },
  'the last digit (GS1 check digit) is wrong': {
    message: bi('条码的最后一位（校验位）不对', 'the last digit of the barcode (the GS1 check digit) is wrong'),
    fix: bi('对照商品包装重新输入条码', 'retype the barcode from the package'),
  },
  'use a date-time like 2026-12-01T00:00:00+08:00': { fix: bi('日期时间写成 2026-12-01T00:00:00+08:00 这样的格式', 'use a date-time like 2026-12-01T00:00:00+08:00') },
  'use a date like 2026-11-20': { fix: bi('日期写成 2026-11-20 这样的格式', 'use a date like 2026-11-20') },
  'write prices in fen (whole number): 1299 means ¥12.99': {
    fix: bi('JSON 里的价格以“分”为单位写整数：1299 表示 ¥12.99', 'write prices in fen (whole number): 1299 means ¥12.99'),
  },
  'use a time like 09:30': { fix: bi('时间写成 09:30 这样的 24 小时制格式', 'use a 24-hour time like 09:30') },
  'codes are 1–48 letters, digits, - _ .': { fix: bi('其他编码只能用英文字母、数字和 - _ .（1–48 个字符）', 'codes are 1–48 letters, digits, - _ .') },
  'the promo price must be lower than the price': {
    message: bi('促销价不低于原价', 'the promo price is not lower than the price'),
    fix: bi('把促销价改得比原价低，或者删除促销价', 'make the promo price lower than the price, or remove it'),
  },
  '"to" must be later than "from" on the same day': {
    message: bi('结束时间不晚于开始时间', '"to" is not later than "from"'),
    fix: bi('把 "to" 改到 "from" 之后（同一天内，最晚 24:00）', 'make "to" later than "from" on the same day (24:00 at the latest)'),
  },
};
