// Signing in and the first admin's set-up.
import type { Widen } from '../i18n/messages.ts';

const zhCN = {
  username: '用户名',
  password: '密码',
  login: {
    title: '登录',
    submit: '登录',
    signingIn: '正在登录…',
    fillBoth: '请输入用户名和密码。',
    wrong: '用户名或密码错误。',
    locked: '密码输错次数过多，账号已暂时锁定，请稍后再试。',
    lockedUntil: '密码输错次数过多，账号已暂时锁定，请在 {time} 之后再试。',
  },
  setup: {
    title: '创建第一个管理员',
    checking: '正在检查设置链接…',
    intro: '这是一次性设置链接。请为第一位管理员设置用户名和密码，之后可在“账号”页添加其他人员。',
    invalid: '此设置链接已被使用，或链接不正确。',
    invalidHelp: '如果管理员账号已创建，请直接登录；否则请让安装服务器的人员提供新的设置链接。',
    toLogin: '前往登录',
    usernameRule: '3–40 个字符：小写字母、数字、点、横线或下划线',
    passwordRule: '密码至少 10 个字符',
    passwordAgain: '再次输入密码',
    mismatch: '两次输入的密码不一致',
    submit: '创建并登录',
  },
} as const;

const en: Widen<typeof zhCN> = {
  username: 'Username',
  password: 'Password',
  login: {
    title: 'Sign in',
    submit: 'Sign in',
    signingIn: 'Signing in…',
    fillBoth: 'Enter your username and password.',
    wrong: 'Wrong username or password.',
    locked: 'This account is locked after too many wrong passwords. Try again later.',
    lockedUntil: 'This account is locked after too many wrong passwords. Try again after {time}.',
  },
  setup: {
    title: 'Create the first admin',
    checking: 'Checking the set-up link…',
    intro: 'This set-up link works once. Choose the first admin’s username and password; add everyone else later on the Users page.',
    invalid: 'This set-up link has already been used, or it is not right.',
    invalidHelp: 'If the first admin exists, sign in. Otherwise ask whoever installed the hub for a new set-up link.',
    toLogin: 'Go to sign-in',
    usernameRule: '3–40 characters: lower-case letters, digits, dot, dash or underscore',
    passwordRule: 'At least 10 characters',
    passwordAgain: 'Password again',
    mismatch: 'The two passwords are not the same',
    submit: 'Create and sign in',
  },
};

export const authMessages = { 'zh-CN': zhCN, en };
