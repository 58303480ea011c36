import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../../../errors.js';
import { readPbtxt } from '../pbtxt-reader.js';
import { parseTextProto } from './parser.js';

const enc = (s: string) => new TextEncoder().encode(s);
const parse = (s: string, type = 'tensorflow.GraphDef') => parseTextProto(enc(s), type, 'mem.pbtxt') as Record<string, any>;
const attr = (s: string) => parse(s, 'tensorflow.AttrValue');
const tensor = (s: string) => parse(s, 'tensorflow.TensorProto');

function parseError(s: string, type = 'tensorflow.GraphDef'): ModelFormatError {
  try {
    parse(s, type);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFormatError);
    return e as ModelFormatError;
  }
  throw new Error(`expected ${JSON.stringify(s)} to fail`);
}

describe('text format: syntax', () => {
  it('reads nested messages with {} or <>, with or without a colon', () => {
    const a = parse('node { name: "a" op: "NoOp" } node: < name: "b" op: "NoOp" > versions { producer: 27 }');
    expect(a.node.map((n: any) => n.name)).toEqual(['a', 'b']);
    expect(a.versions.producer).toBe(27);
  });

  it('reads map entries, later duplicates winning', () => {
    const n = parse('name: "x" attr { key: "T" value { type: DT_FLOAT } } attr { key: "T" value { type: DT_INT32 } }', 'tensorflow.NodeDef');
    expect(n.attr.T.type).toBe(3);
  });

  it('reads repeated fields as repeated entries or [a, b] lists, including empty lists', () => {
    expect(parse('name: "x" input: "a" input: ["b", "c:1"] input: []', 'tensorflow.NodeDef').input).toEqual(['a', 'b', 'c:1']);
    expect(attr('list { i: [1, 2] i: 3 }').list.i).toEqual([1n, 2n, 3n]);
    expect(parse('node [{ name: "a" }, < name: "b" >]').node.map((n: any) => n.name)).toEqual(['a', 'b']);
  });

  it('accepts , and ; separators and # comments', () => {
    const n = parse('# header\nname: "x", op: "Y"; # trailing\n device: "d"', 'tensorflow.NodeDef');
    expect([n.name, n.op, n.device]).toEqual(['x', 'Y', 'd']);
  });

  it('reads enums by name or number', () => {
    expect(attr('type: DT_HALF').type).toBe(19);
    expect(attr('type: 19').type).toBe(19);
    expect(attr('list { type: [DT_FLOAT, 3] }').list.type).toEqual([1, 3]);
  });
});

describe('text format: scalars', () => {
  it('unescapes C escapes in strings and bytes', () => {
    const t = tensor(String.raw`tensor_content: "\n\t\r\\\"\'\a\b\f\v\?\x41\x7\101\0\377\1a"`);
    expect(Array.from(t.tensorContent)).toEqual([10, 9, 13, 92, 34, 39, 7, 8, 12, 11, 63, 0x41, 7, 0o101, 0, 255, 1, 97]);
    expect(tensor(`tensor_content: 'it''s' "\\u00e9"`).tensorContent).toEqual(Uint8Array.from([105, 116, 115, 0xc3, 0xa9]));
    expect(parse('name: "caf\\303\\251"', 'tensorflow.NodeDef').name).toBe('café');
  });

  it('concatenates adjacent strings', () => {
    expect(parse('name: "a" \'b\'\n  "c"', 'tensorflow.NodeDef').name).toBe('abc');
  });

  it('keeps int64 exact as bigint, in decimal, hex and octal, with ranges checked', () => {
    expect(attr('i: 9223372036854775807').i).toBe(9223372036854775807n);
    expect(attr('i: -9223372036854775808').i).toBe(-9223372036854775808n);
    expect(attr('i: 0x7fffffffffffffff').i).toBe(9223372036854775807n);
    expect(attr('i: 010').i).toBe(8n);
    expect(tensor('uint64_val: 18446744073709551615').uint64Val).toEqual([18446744073709551615n]);
    expect(parseError('i: 9223372036854775808', 'tensorflow.AttrValue').reason).toMatch(/out of range for int64/);
    expect(parseError('version_number: 2147483648', 'tensorflow.TensorProto').reason).toMatch(/out of range for int32/);
    expect(parseError('uint32_val: -1', 'tensorflow.TensorProto').reason).toMatch(/out of range/);
    expect(parseError('i: 1.5', 'tensorflow.AttrValue').reason).toMatch(/expected an integer/);
  });

  it('reads floats: exponents, f suffix, inf/nan, integers; float fields rounded to float32', () => {
    expect(attr('f: 0.6').f).toBe(Math.fround(0.6));
    expect(tensor('double_val: 0.6').doubleVal).toEqual([0.6]);
    expect(tensor('float_val: [1e-08, .5, 5., 2f, 1.5F, -3, inf, -inf, Infinity, nan, -0]').floatVal).toEqual([
      Math.fround(1e-8), 0.5, 5, 2, 1.5, -3, Infinity, -Infinity, Infinity, NaN, -0,
    ]);
  });

  it('reads bools as true/false/t/f/True/False/1/0', () => {
    expect(tensor('bool_val: [true, false, t, f, True, False, 1, 0]').boolVal).toEqual([true, false, true, false, true, false, true, false]);
    expect(parseError('b: 2', 'tensorflow.AttrValue').reason).toMatch(/expected a bool/);
  });
});

describe('text format: errors carry line:column', () => {
  const cases: [string, string, RegExp][] = [
    ['node {\n  nme: "x"\n}', 'line 2:3', /no field named 'nme' in tensorflow.NodeDef/],
    ['node {\n  name: "x"\n', 'line 3:1', /expected '}' before end of file/],
    ['node { name "x" }', 'line 1:13', /expected ':' after 'name'/],
    ['node { name: "x\n" }', 'line 1:16', /newline inside a string/],
    ['node { name: "x }', 'line 1:14', /unterminated string/],
    ['node { name: "\\q" }', 'line 1:15', /invalid escape '\\q'/],
    ['node { name: "a" name: "b" }', 'line 1:18', /'name' is specified multiple times/],
    ['node { attr { key: "k" value { s: "a" i: 1 } } }', 'line 1:39', /'i' is specified along with 's'/],
    ['node { attr { key: "k" value { type: DT_NOPE } } }', 'line 1:38', /unknown value 'DT_NOPE' for enum tensorflow.DataType/],
    ['[type.googleapis.com/tensorflow.GraphDef] {}', 'line 1:1', /Any expansions .* not supported/],
    ['node { name: "x" } @', 'line 1:20', /unexpected character '@'/],
    ['node { name: ["a"] }', 'line 1:8', /not repeated/],
    ['versions { producer: 1x }', 'line 1:22', /invalid number '1x'/],
    ['node { name: "\\xff" }', 'line 1:14', /not valid UTF-8/],
  ];
  for (const [text, where, reason] of cases) {
    it(`${JSON.stringify(text)} → ${where}`, () => {
      const e = parseError(text);
      expect(e.format).toBe('pbtxt');
      expect(e.field).toBe(where);
      expect(e.reason).toMatch(reason);
      expect(e.message).toContain(where);
    });
  }

  it('rejects runaway nesting instead of overflowing the stack', () => {
    const deep = 'func { attr { key: "a" value { '.repeat(60);
    expect(parseError(deep, 'tensorflow.AttrValue').reason).toMatch(/nested deeper than 100/);
  });
});

describe('text GraphDef → TfGraph', () => {
  it('converts like the binary reader, with tensor values from escaped tensor_content', () => {
    const g = readPbtxt(
      enc(`node { name: "w" op: "Const" attr { key: "dtype" value { type: DT_FLOAT } }
        attr { key: "value" value { tensor { dtype: DT_FLOAT tensor_shape { dim { size: 2 } } tensor_content: "\\000\\000\\200?\\000\\000\\000@" } } } }
        node { name: "r" op: "Relu" input: "w" attr { key: "T" value { type: DT_FLOAT } } }
        versions { producer: 27 }`),
      'mem.pbtxt',
    );
    const v = g.nodes[0]!.attrs['value'];
    expect(v?.kind === 'tensor' && Array.from(new Float32Array(v.value.data.slice().buffer))).toEqual([1, 2]);
    expect(g.nodes[1]!.inputs).toEqual(['w']);
    expect(g.source).toBe('pbtxt');
  });
});
