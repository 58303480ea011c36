// Any other TF op with --allow_custom_ops becomes a CUSTOM op whose options are the node's attrs as
// a flexbuffer map, as TOCO writes them: string, int, float (32-bit), bool, and lists of
// strings/ints/floats; other attr kinds (types, shapes, tensors) are left out.
import { withFlexTypes, type FlexTag } from '../../formats/tflite/flexbuffers.js';
import type { TfNode } from '../../formats/graphdef/graph.js';
import type { FlexValue } from '../../ir/types.js';

export function customOptionsFromAttrs(node: TfNode): { [key: string]: FlexValue } {
  const map: { [key: string]: FlexValue } = {};
  const tags: Record<string, FlexTag> = {};
  for (const key of Object.keys(node.attrs).sort()) {
    const a = node.attrs[key]!;
    switch (a.kind) {
      case 's':
        map[key] = a.value;
        break;
      case 'i':
        map[key] = Number(a.value);
        tags[key] = 'int';
        break;
      case 'f':
        map[key] = Math.fround(a.value);
        tags[key] = 'float';
        break;
      case 'b':
        map[key] = a.value;
        tags[key] = 'bool';
        break;
      case 'list(s)':
        if (a.value.length) map[key] = [...a.value];
        break;
      case 'list(i)':
        if (a.value.length) map[key] = withFlexTypes(a.value.map(Number), {}, 'int');
        break;
      case 'list(f)':
        if (a.value.length) map[key] = withFlexTypes(a.value.map(Math.fround), {}, 'float');
        break;
      default:
        break;
    }
  }
  return withFlexTypes(map, tags);
}
