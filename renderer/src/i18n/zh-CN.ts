// Chinese (default). The English file must have exactly these keys (checked by type).
export const zhCN = {
  common: {
    back: '返回',
    home: '首页',
    language: 'English',
    languageName: '中文',
    close: '关闭',
    loading: '加载中…',
  },
  attract: {
    touchToStart: '触摸屏幕开始',
    orScan: '或扫描商品条码',
    noPack: '暂无内容，请联系门店工作人员',
  },
  home: {
    welcome: '欢迎光临',
    scanTitle: '扫码查商品',
    scanHint: '价格、产地、优惠一扫便知',
    playTitle: '玩游戏赢优惠',
    playHint: '30 秒小游戏，赢取优惠券',
    offersTitle: '今日优惠',
    offersHint: '看看本店正在进行的活动',
  },
  idle: {
    stillThere: '还在吗？',
    returning: '{n} 秒后返回首页',
    touchToContinue: '触摸屏幕继续',
  },
  scan: {
    title: '扫码查商品',
    instructions: '请将商品条码对准下方扫码枪',
  },
  games: {
    title: '玩游戏赢优惠',
    none: '当前时段没有可玩的游戏',
    play: '开始游戏',
    seconds: '{n} 秒',
  },
  offers: {
    title: '今日优惠',
    none: '当前没有优惠活动',
    until: '截止 {date}',
  },
  admin: {
    title: '管理',
    enterPin: '请输入管理密码',
    wrongPin: '密码错误，还可尝试 {n} 次',
    locked: '尝试次数过多，请于 {time} 后再试',
    noPinSet: '尚未设置管理密码',
    unlock: '解锁',
    clear: '清除',
    exitKiosk: '退出展示模式',
    lock: '锁定',
    health: '运行状态',
    appVersion: '应用版本',
    pack: '内容包',
    uptime: '运行时间',
    restarts: '重启次数',
    problems: '需处理的问题',
    none: '无',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type MessageSchema = Widen<typeof zhCN>;
