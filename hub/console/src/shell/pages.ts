// Which pages each role may open, and which of them the menu lists.
import type { Role } from '../../../../content/schema/hub-api/console/auth.ts';

export const PAGES = ['fleet', 'kiosk', 'analytics', 'packs', 'pack', 'packBuilder', 'rollouts', 'packKeys', 'till', 'coupons', 'stores', 'enrolment', 'alerts', 'users', 'audit'] as const;
export type Page = (typeof PAGES)[number];

export const PAGES_BY_ROLE: Readonly<Record<Role, readonly Page[]>> = {
  admin: PAGES,
  'store-manager': ['fleet', 'kiosk', 'analytics', 'till', 'coupons', 'stores', 'alerts'],
  analyst: ['fleet', 'kiosk', 'analytics', 'coupons', 'alerts'],
  merchandiser: ['fleet', 'analytics', 'packs', 'pack', 'packBuilder', 'rollouts', 'packKeys'],
};

/** The menu, in order; the kiosk page is reached from the fleet, the pack pages from Packs. */
export const MENU_PAGES: readonly Page[] = ['fleet', 'analytics', 'packs', 'till', 'coupons', 'stores', 'enrolment', 'alerts', 'users', 'audit'];

/** Pages that belong to a menu item: it is shown as the current one. */
const MENU_PARENT: Partial<Record<Page, Page>> = { kiosk: 'fleet', pack: 'packs', packBuilder: 'packs', rollouts: 'packs', packKeys: 'packs' };

export function menuPageOf(page: Page | undefined): Page | undefined {
  return page ? (MENU_PARENT[page] ?? page) : undefined;
}

export function canSee(role: Role, page: Page): boolean {
  return PAGES_BY_ROLE[role].includes(page);
}

export function menuFor(role: Role): Page[] {
  return MENU_PAGES.filter((page) => canSee(role, page));
}

/** Roles offered the raw-events download on the analytics page (the hub has the last word). */
export function mayExportEvents(role: Role): boolean {
  return role === 'admin' || role === 'analyst';
}

/** Roles that may make and revoke till credentials (the hub has the last word). */
export function mayManageTills(role: Role): boolean {
  return role === 'admin';
}

/** Roles that may send commands to kiosks (the hub has the last word: it answers 403). */
export function maySendCommands(role: Role): boolean {
  return role === 'admin' || role === 'store-manager';
}
