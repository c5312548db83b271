import { Router } from 'express';
import { buildOpenApiDocument } from './openapi-document.js';

/** `GET /api/openapi.json`: public (it describes the API, it holds no data); built once per process. */
export function openApiRoutes(version: string): Router {
  const router = Router();
  let document: string | null = null;
  router.get('/api/openapi.json', (_req, res) => {
    document ??= JSON.stringify(buildOpenApiDocument({ version }));
    res.type('application/json').send(document);
  });
  return router;
}
