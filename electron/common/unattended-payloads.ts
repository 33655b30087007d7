// What the renderer tells the host so the kiosk can run unattended: that it still draws
// frames (the freeze detector), and the lines it wants in the kiosk's log file.
import { z } from 'zod';

/** How often the renderer reports a drawn frame while its page is visible. */
export const FRAME_TICK_EVERY_MS = 2_000;

/** A frame was drawn (visible), or the page was hidden (no frames are to be expected). */
export const FrameTick = z.strictObject({ visible: z.boolean() });
export type FrameTick = z.infer<typeof FrameTick>;

export const RendererLogLevel = z.enum(['debug', 'info', 'warn', 'error']);
export type RendererLogLevel = z.infer<typeof RendererLogLevel>;

/** A line for the kiosk's log: a message and a few flat fields (the host redacts both). */
export const RendererLogLine = z.strictObject({
  level: RendererLogLevel,
  message: z.string().max(2_000),
  fields: z.record(z.string().max(60), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).optional(),
});
export type RendererLogLine = z.infer<typeof RendererLogLine>;
