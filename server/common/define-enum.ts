import { registerEnumType } from 'type-graphql';

/** A string enum usable both as a TypeScript type and as a GraphQL enum of the same values. */
export function defineEnum<const T extends readonly string[]>(name: string, values: T, description?: string) {
  const object = Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
  registerEnumType(object, { name, description });
  return object;
}
