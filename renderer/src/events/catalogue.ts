// The engagement events a kiosk sends, with their properties. Names follow the Segment
// e-commerce spec where one exists ("Product Viewed", "Promotion Viewed", "Coupon
// Entered"), kiosk names otherwise. Properties never hold personal data.

export type WakeTrigger = 'touch' | 'key' | 'scan' | 'gesture';

export interface EventCatalogue {
  'Session Started': { trigger: WakeTrigger };
  'Session Ended': { reason: 'idle' | 'admin'; duration_ms: number };
  'Attract Woken': { trigger: WakeTrigger };
  'Screen Viewed': { screen: string };
  'Promotion Viewed': { promotion_id: string; name: string; position?: number };
}

export type EventName = keyof EventCatalogue;
