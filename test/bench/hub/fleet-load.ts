export async function runFleet(_where: { url?: string; dataDir?: string }, _env: Record<string, string>): Promise<void> {}
