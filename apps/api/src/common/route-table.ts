import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA, AccessRule } from './access.decorators';

export interface RouteEntry {
  controller: string;
  handler: string;
  method: string;
  path: string;
  access: AccessRule | undefined;
}

/** The application's own route table with each route's access rule, for tests and audits of the rules. */
export function routeTable(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const controllerPath = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      routes.push({
        controller: wrapper.metatype.name,
        handler: name,
        method: RequestMethod[method],
        path: `/${[controllerPath, path].filter((part) => part && part !== '/').join('/')}`,
        access: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [handler, wrapper.metatype]),
      });
    }
  }
  return routes;
}
