// Entry of the `kiosk-coupon` command (see content/coupon-tools/cli-commands.ts).
import { runKioskCoupon } from '../coupon-tools/cli-commands.ts';

process.exitCode = await runKioskCoupon(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  now: () => Math.floor(Date.now() / 1000),
});
