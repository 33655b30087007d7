// Seeded random numbers: every prize draw (and every game's falling items) comes from
// a recorded seed, so an auditor can replay a decision exactly. sfc32 over a 128-bit
// seed written as 32 hex digits.

export function newSeed(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(16).padStart(8, '0')).join('');
}

export function isSeed(seed: string): boolean {
  return /^[0-9a-f]{32}$/.test(seed);
}

/** Numbers in [0, 1) from the seed; the same seed always gives the same sequence. */
export function seededRandom(seed: string): () => number {
  if (!isSeed(seed)) throw new RangeError('a seed is 32 lower-case hex digits');
  let a = parseInt(seed.slice(0, 8), 16);
  let b = parseInt(seed.slice(8, 16), 16);
  let c = parseInt(seed.slice(16, 24), 16);
  let d = parseInt(seed.slice(24, 32), 16);
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}
