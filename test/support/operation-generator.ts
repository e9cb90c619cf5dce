import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** Draws one value from an arbitrary (fast-check's `fc.gen()`, so a seed replays the same choices). */
export type Draw = <T>(arb: fc.Arbitrary<T>) => T;

export interface ValueHooks {
  /** A value for an argument or input field of a scalar type, chosen by its name; undefined: any of the type. */
  scalar(name: string, scalarType: string, draw: Draw): unknown;
  /** Whole input objects built by hand (e.g. a coherent report). */
  inputs: Record<string, (draw: Draw) => Record<string, unknown>>;
}

export interface GeneratedOperation {
  kind: 'query' | 'mutation';
  query: string;
  variables: Record<string, unknown>;
}

const MAX_OBJECT_DEPTH = 5;

/**
 * Random valid GraphQL operations read from a schema: any root field with its arguments (literals
 * or variables), sub-selections of any reachable field, aliases, inline and named fragments, and
 * `__typename` on every object so an answer can be read by type. An alias is the field's name and
 * a number (`id3: id`).
 */
export class OperationGenerator {
  /** How often each root field is drawn, by name (1 when not given; 0 never). */
  weights = new Map<string, number>();

  constructor(
    private schema: GraphQLSchema,
    private hooks: ValueHooks,
  ) {}

  rootFields(kind: 'query' | 'mutation'): GraphQLField<unknown, unknown>[] {
    const root = kind === 'query' ? this.schema.getQueryType()! : this.schema.getMutationType()!;
    return Object.values(root.getFields());
  }

  /** An operation of one to three root fields (one for a mutation), or of the one given. */
  generate(draw: Draw, kind: 'query' | 'mutation', only?: string): GeneratedOperation {
    const build = new Builder(draw, this.hooks);
    const fields = this.rootFields(kind).filter((f) => (only ? f.name === only : this.weights.get(f.name) !== 0));
    const weighted = fc.oneof(...fields.map((f, i) => ({ arbitrary: fc.constant(i), weight: this.weights.get(f.name) ?? 1 })));
    const count = only ? 1 : draw(fc.integer({ min: 1, max: kind === 'query' ? 3 : 1 }));
    const chosen = [...new Set(Array.from({ length: count }, () => draw(weighted)))];
    const body = chosen.map((i) => build.field(fields[i], 1)).join(' ');
    const definitions = build.variableDefinitions.length ? `(${build.variableDefinitions.join(', ')})` : '';
    const query = `${kind} Fuzz${definitions} { ${body} }${build.fragments.map((f) => `\n${f}`).join('')}`;
    return { kind, query, variables: build.variables };
  }
}

class Builder {
  variableDefinitions: string[] = [];
  variables: Record<string, unknown> = {};
  fragments: string[] = [];
  private names = 0;

  constructor(private draw: Draw, private hooks: ValueHooks) {}

  private chance(p: number): boolean {
    // without fast-check's bias towards small values, which would make every chance near certain
    return this.draw(fc.noBias(fc.integer({ min: 0, max: 999 }))) < p * 1000;
  }

  field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args
      .filter((a) => (isNonNullType(a.type) && a.defaultValue === undefined) || this.chance(0.5))
      .map((a) => `${a.name}: ${this.argument(a.name, a.type)}`);
    // an alias keeps the field's name in front, so answers can still be read by field name
    const alias = this.chance(0.25) ? `${field.name}${++this.names}: ` : '';
    const named = getNamedType(field.type);
    const selection = isObjectType(named) ? ` { ${this.selection(named, depth + 1)} }` : '';
    return `${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection}`;
  }

  private selection(type: GraphQLObjectType, depth: number): string {
    const fields = Object.values(type.getFields())
      .filter((f) => (depth < MAX_OBJECT_DEPTH || isLeafType(getNamedType(f.type))));
    const chosen = fields.length ? this.draw(fc.shuffledSubarray(fields.map((f, i) => i), { minLength: 1, maxLength: Math.min(6, fields.length) })) : [];
    const parts = chosen.map((i) => this.field(fields[i], depth));
    parts.push('__typename');
    if (parts.length > 2 && this.chance(0.25)) {
      const inner = parts.splice(0, this.draw(fc.integer({ min: 1, max: parts.length - 1 }))).join(' ');
      if (this.chance(0.5)) parts.push(`... on ${type.name} { ${inner} }`);
      else {
        const name = `F${++this.names}`;
        this.fragments.push(`fragment ${name} on ${type.name} { ${inner} }`);
        parts.push(`...${name}`);
      }
    }
    return parts.join(' ');
  }

  /** An argument as a literal or, sometimes, a variable. */
  private argument(name: string, type: GraphQLInputType): string {
    const value = this.value(name, type);
    if (!this.chance(0.3)) return literal(value, type);
    const variable = `v${++this.names}`;
    this.variableDefinitions.push(`$${variable}: ${String(type)}`);
    this.variables[variable] = value;
    return `$${variable}`;
  }

  private value(name: string, type: GraphQLInputType, nullable = true): unknown {
    if (isNonNullType(type)) return this.value(name, type.ofType, false);
    if (nullable && this.chance(0.03)) return null;
    if (isListType(type)) {
      const length = this.draw(fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 9 }));
      return Array.from({ length }, () => this.value(name, type.ofType));
    }
    if (isInputObjectType(type)) {
      const custom = this.hooks.inputs[type.name];
      if (custom) return custom(this.draw);
      const object: Record<string, unknown> = {};
      for (const f of Object.values(type.getFields())) {
        if ((isNonNullType(f.type) && f.defaultValue === undefined) || this.chance(0.4)) object[f.name] = this.value(f.name, f.type);
      }
      return object;
    }
    if (isEnumType(type)) return this.draw(fc.constantFrom(...type.getValues().map((v) => v.name)));
    return this.hooks.scalar(name, type.name, this.draw) ?? anyScalar(type.name, this.draw);
  }
}

function anyScalar(scalar: string, draw: Draw): unknown {
  switch (scalar) {
    case 'Int': return draw(fc.integer({ min: -2, max: 40 }));
    case 'Float': return draw(fc.double({ min: 0, max: 10, noNaN: true }));
    case 'Boolean': return draw(fc.boolean());
    case 'ID': return String(draw(fc.integer({ min: 0, max: 400 })));
    case 'Date': return `${draw(fc.integer({ min: 2023, max: 2027 }))}-12-${String(draw(fc.integer({ min: 1, max: 31 }))).padStart(2, '0')}`;
    case 'DateTime': return `${draw(fc.integer({ min: 2023, max: 2027 }))}-12-10T12:00:00Z`;
    case 'JSONObject': return {};
    default: return draw(fc.constantFrom('x', 'fuzz', 'a b', ''));
  }
}

/** A value written as a GraphQL literal of its type (enums bare, objects with bare keys). */
function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  if (isNonNullType(type)) return literal(value, type.ofType);
  if (isListType(type)) return `[${(value as unknown[]).map((v) => literal(v, type.ofType)).join(', ')}]`;
  if (isEnumType(type)) return String(value);
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${literal(v, fields[k].type)}`).join(', ')}}`;
  }
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}
