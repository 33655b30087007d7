// The characters of a one-time enrolment code (content/schema/hub-api's ENROLMENT_CODE:
// no I, O, 0 or 1, so nothing is misread), for the admin screen's keys.
export const ENROLMENT_CODE_KEYS = [...'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'] as const;
