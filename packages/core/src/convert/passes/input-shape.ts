// --input_shapes: sets the shape of each input Placeholder (in --input_arrays order).
import { InvalidInputError } from '../../errors.js';
import type { TfNode } from '../../formats/graphdef/graph.js';

export function overrideInputShapes(nodes: TfNode[], inputArrays: readonly string[], shapes: readonly (readonly number[])[] | undefined): TfNode[] {
  if (!shapes) return nodes;
  if (shapes.length !== inputArrays.length) {
    throw new InvalidInputError(`\`inputShapes\` has ${shapes.length} shape(s) for ${inputArrays.length} input array(s); separate shapes with ':'`);
  }
  const byInput = new Map(inputArrays.map((a, i) => [a, shapes[i]!]));
  return nodes.map((n) => {
    const s = byInput.get(n.name);
    if (!s) return n;
    if (s.some((d) => !Number.isInteger(d) || d < 1)) throw new InvalidInputError(`\`inputShapes\` for ${n.name}: [${s.join(',')}] must be positive integers`);
    return { ...n, attrs: { ...n.attrs, shape: { kind: 'shape', value: { dims: [...s] } } } };
  });
}
