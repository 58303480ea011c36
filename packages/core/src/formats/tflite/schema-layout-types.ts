// Shape of generated/layout.ts (kept out of the generated directory so the generator stays tiny).

/** [field name, field id, type code, default (scalars/enums only), flags ("d" deprecated, "a16" force_align)]. */
export type RawField = readonly [string, number, string, number | boolean | null, string];

export interface RawLayout {
  /** enum name → [underlying scalar, [member, value][]] */
  enums: Readonly<Record<string, readonly [string, readonly (readonly [string, number])[]]>>;
  /** union name → member table names; index = union type value, 0 is "NONE". */
  unions: Readonly<Record<string, readonly string[]>>;
  tables: Readonly<Record<string, readonly RawField[]>>;
}
