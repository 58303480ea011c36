// Typed view of generated/layout.ts (the schema's tables, enums and unions), expanded once at load.
// The verifier and the generic table codec walk these descriptions, so every options table the
// schema defines is covered without hand-written per-table code.
import { LAYOUT } from './generated/layout.js';

export type ScalarType = 'bool' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'float32' | 'float64';

export const SCALAR_SIZE: Readonly<Record<ScalarType, number>> = {
  bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, float32: 4, float64: 8,
};

export type FieldKind = 'scalar' | 'enum' | 'string' | 'table' | 'union';

export interface FieldLayout {
  /** Schema (snake_case) name, used in error paths. */
  name: string;
  /** camelCase name, used in IR objects. */
  key: string;
  /** Field id: the vtable slot is 4 + 2 * id. For a union this is the value slot; its type byte is id - 1. */
  id: number;
  vector: boolean;
  kind: FieldKind;
  /** Stored scalar type (for enums: the enum's underlying type). */
  scalar?: ScalarType;
  /** Enum, table or union name. */
  ref?: string;
  default?: number | boolean;
  deprecated: boolean;
  /** force_align of a vector (Buffer.data is 16). */
  align: number;
}

export interface EnumLayout {
  scalar: ScalarType;
  byName: ReadonlyMap<string, number>;
  byValue: ReadonlyMap<number, string>;
}

export const camelCase = (s: string): string => s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

function parseField([name, id, code, def, flags]: readonly [string, number, string, number | boolean | null, string]): FieldLayout {
  const vector = code.startsWith('[');
  const inner = vector ? code.slice(1, -1) : code;
  const align = /a(\d+)/.exec(flags);
  const base = { name, key: camelCase(name), id, vector, deprecated: flags.includes('d'), align: align ? Number(align[1]) : 0 };
  const def_ = def === null ? {} : { default: def };
  if (inner === 'string') return { ...base, kind: 'string' };
  const [tag, ref] = inner.split(':') as [string, string | undefined];
  if (tag === 'e') return { ...base, ...def_, kind: 'enum', ref, scalar: LAYOUT.enums[ref!]![0] as ScalarType };
  if (tag === 't') return { ...base, kind: 'table', ref };
  if (tag === 'u') return { ...base, kind: 'union', ref };
  return { ...base, ...def_, kind: 'scalar', scalar: tag as ScalarType };
}

export const TABLES: ReadonlyMap<string, readonly FieldLayout[]> = new Map(
  Object.entries(LAYOUT.tables).map(([name, fields]) => [name, fields.map(parseField)]),
);

export const ENUMS: ReadonlyMap<string, EnumLayout> = new Map(
  Object.entries(LAYOUT.enums).map(([name, [scalar, values]]) => [
    name,
    { scalar: scalar as ScalarType, byName: new Map(values.map(([n, v]) => [n, v])), byValue: new Map(values.map(([n, v]) => [v, n])) },
  ]),
);

/** Union name → member table names (index = union type value; index 0 is "NONE"). */
export const UNIONS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(LAYOUT.unions));

export function tableLayout(name: string): readonly FieldLayout[] {
  const t = TABLES.get(name);
  if (!t) throw new Error(`schema has no table ${name}`);
  return t;
}

export function enumLayout(name: string): EnumLayout {
  const e = ENUMS.get(name);
  if (!e) throw new Error(`schema has no enum ${name}`);
  return e;
}

export function unionMembers(name: string): readonly string[] {
  const u = UNIONS.get(name);
  if (!u) throw new Error(`schema has no union ${name}`);
  return u;
}

/** vtable offset of a field (for a union: its value slot), so code never hard-codes slot numbers. */
export function vtableOffset(table: string, field: string): number {
  const f = tableLayout(table).find((x) => x.name === field);
  if (!f) throw new Error(`schema table ${table} has no field ${field}`);
  return 4 + 2 * f.id;
}
