import type { TestServer } from '../support/test-server.js';

export interface AppRoute {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function walk(stack: Layer[]): AppRoute[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      const methods = Object.keys(layer.route.methods).filter((method) => layer.route!.methods[method]);
      return paths.flatMap((path) => methods.map((method) => ({ method: method.toUpperCase(), path })));
    }
    // Feature routers are mounted at the root, so their route paths are already complete.
    return layer.handle?.stack ? walk(layer.handle.stack) : [];
  });
}

/** Every route the running server's Express app answers, read from its router (not from a list kept by hand). */
export function appRoutes(server: TestServer): AppRoute[] {
  const { router } = server.app.web as unknown as { router: { stack: Layer[] } };
  return walk(router.stack);
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A concrete URL for a route pattern: every `:param` becomes an id-shaped value. */
export function concretePath(path: string, id: string): string {
  return path.replace(/:[A-Za-z]+/g, id);
}
