// Coupon tokens: layout, signing and checking, shared by the kiosk, tills and the backend.
export * from './base32.ts';
export * from './coupon-payload.ts';
export * from './coupon-ids.ts';
export * from './coupon-token.ts';
export * from './issue-coupon.ts';
export * from './campaign-claim.ts';
export * from './coupon-records.ts';
