import { type ComponentType, lazy } from 'react';

/** React.lazy for modules with named exports (the house has no default exports). */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
