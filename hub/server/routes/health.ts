// GET /healthz: whether the hub is up and which database it runs on. Public; holds no data.
export const healthRoute = { method: 'GET', path: '/healthz' } as const;
