// Finding what the surgery cuts at in a frozen SSD graph, by structure and name: the box predictor
// heads (box encodings [1,N,4], class predictions [1,N,C+1]) and the preprocessed image the feature
// extractor reads.
import { InvalidInputError, UnsupportedError } from '../errors.js';
import { getAttr, parseInput, type TfNode } from '../formats/graphdef/graph.js';
import { GraphIndex, inScope, key } from './graph-index.js';

export const NAME_HEADS_HINT = 'name them with `boxEncodings` and `classPredictions`';

export interface HeadCandidate {
  concat: TfNode;
  kind: 'box' | 'class' | 'unknown';
  /** Last dim of the parts (4 for boxes, C+1 for classes), -1 when not static. */
  depth: number;
  /** Anchors per part summed, -1 when not static. */
  count: number;
}

/** ConcatV2 nodes along axis 1 over box-predictor Reshapes: the SSD heads. */
function findHeads(ix: GraphIndex): HeadCandidate[] {
  const out: HeadCandidate[] = [];
  for (const n of ix.nodes) {
    if (n.op !== 'ConcatV2') continue;
    const data = n.inputs.filter((i) => !i.startsWith('^'));
    const parts = data.slice(0, -1);
    if (!parts.length) continue;
    const axis = ix.intValues(data[data.length - 1]!)?.[0];
    if (axis !== 1) continue;
    const reshapes = parts.map((p) => ix.through(p));
    if (reshapes.some((r) => !r || r.op !== 'Reshape')) continue;
    const chains = reshapes.map((r) => {
      const names: string[] = [r!.name];
      let cur = ix.get(r!.inputs[0] ?? '');
      for (let d = 0; cur && d < 4; d++) {
        names.push(cur.name);
        cur = ix.get(cur.inputs[0] ?? '');
      }
      return names.join(' ');
    });
    if (!chains.every((c) => /BoxPredictor|Predictor/i.test(c))) continue;
    const shapes = reshapes.map((r) => ix.intValues(r!.inputs[1] ?? ''));
    const depths = shapes.map((s) => (s && s.length ? s[s.length - 1]! : -1));
    const depth = depths.every((d) => d === depths[0]) ? depths[0]! : -1;
    const counts = shapes.map((s) => (s && s.length >= 3 ? s[1]! : -1));
    const count = counts.some((c) => c < 0) ? -1 : counts.reduce((a, b) => a + b, 0);
    let kind: HeadCandidate['kind'] = 'unknown';
    if (chains.every((c) => /BoxEncodingPredictor/.test(c))) kind = 'box';
    else if (chains.every((c) => /ClassPredictor/.test(c))) kind = 'class';
    else if (depth === 4 && shapes.every((s) => s?.length === 4)) kind = 'box';
    out.push({ concat: n, kind, depth, count });
  }
  return out;
}

export interface LocatedHeads {
  boxName: string;
  boxHead: HeadCandidate | undefined;
  className: string;
  classHead: HeadCandidate | undefined;
}

/** Step 1: the box encodings and class predictions (given, or the one candidate of each kind). */
export function locateHeads(ix: GraphIndex, options: { boxEncodings?: string; classPredictions?: string }): LocatedHeads {
  const heads = findHeads(ix);
  const pick = (kind: 'box' | 'class'): HeadCandidate | undefined => {
    const named = kind === 'box' ? options.boxEncodings : options.classPredictions;
    if (named) return heads.find((h) => h.concat.name === parseInput(named).node);
    let c = heads.filter((h) => h.kind === kind);
    if (c.length > 1) {
      const pref = c.filter((h) => h.concat.name === (kind === 'box' ? 'concat' : 'concat_1'));
      if (pref.length === 1) c = pref;
    }
    if (c.length === 1) return c[0];
    const what = kind === 'box' ? 'box encodings [1,N,4] (e.g. `concat` → `Squeeze`)' : 'class predictions [1,N,C+1] (e.g. `concat_1`)';
    const found = heads.length ? `; candidate ConcatV2 nodes: ${heads.map((h) => `${h.concat.name} (${h.kind}, depth ${h.depth})`).join(', ')}` : '';
    throw new UnsupportedError(
      `SSD surgery could not locate the ${what}: looked for a ConcatV2 along axis 1 over BoxPredictor Reshapes ` +
        `(BoxPredictor_*/Reshape from BoxEncodingPredictor, BoxPredictor_*/Reshape_1 from ClassPredictor)${c.length > 1 ? ` and found ${c.length}: ${c.map((h) => h.concat.name).join(', ')}` : found}; ${NAME_HEADS_HINT}`,
    );
  };
  let boxName: string;
  let boxHead: HeadCandidate | undefined;
  if (options.boxEncodings) {
    boxName = options.boxEncodings;
    boxHead = heads.find((h) => h.concat.name === parseInput(boxName).node);
  } else {
    boxHead = pick('box')!;
    boxName = boxHead.concat.name;
    // ssd_meta_arch.predict squeezes [1,N,1,4] → [1,N,4]; the frozen graph has that Squeeze.
    const sq = ix.consumers(boxName).find((n) => n.op === 'Squeeze');
    if (sq) boxName = sq.name;
  }
  let classHead: HeadCandidate | undefined;
  let className: string;
  if (options.classPredictions) {
    className = options.classPredictions;
    classHead = heads.find((h) => h.concat.name === parseInput(className).node);
  } else {
    classHead = pick('class')!;
    className = classHead.concat.name;
  }
  if (parseInput(boxName).node === parseInput(className).node) throw new InvalidInputError(`the box encodings and class predictions are the same node (${boxName}); ${NAME_HEADS_HINT}`);

  return { boxName, boxHead, className, classHead };
}

/** Step 2: the preprocessed image: the one non-constant tensor the Preprocessor hands to the rest. */
export function locatePreprocessedInput(ix: GraphIndex, heads: LocatedHeads, options: { preprocessedInput?: string }): string {
  const { boxName, className } = heads;
  const needed = ix.ancestors([boxName, className]);
  let preprocessed: string;
  if (options.preprocessedInput) {
    preprocessed = options.preprocessedInput;
  } else {
    const edges = new Set<string>();
    for (const name of needed) {
      const n = ix.byName.get(name)!;
      if (inScope(n.name, 'Preprocessor')) continue;
      for (const i of n.inputs) {
        if (i.startsWith('^')) continue;
        const p = ix.get(i);
        if (p && p.op !== 'Const' && inScope(p.name, 'Preprocessor')) edges.add(key(i));
      }
    }
    if (edges.size === 1) {
      preprocessed = [...edges][0]!.replace(/:0$/, '');
    } else if (edges.size === 0) {
      const placeholders = [...needed].map((n) => ix.byName.get(n)!).filter((n) => n.op === 'Placeholder');
      const floats = placeholders.filter((p) => (getAttr(p, 'dtype', 'type')?.value ?? 'DT_FLOAT') === 'DT_FLOAT');
      if (floats.length !== 1 || placeholders.length !== 1) {
        throw new UnsupportedError(
          `SSD surgery could not locate the preprocessed image: no Preprocessor/ scope feeds the box predictor, and ${placeholders.length} placeholder(s) (${placeholders.map((p) => p.name).join(', ') || 'none'}) do; name it with \`preprocessedInput\``,
        );
      }
      preprocessed = floats[0]!.name;
    } else {
      throw new UnsupportedError(`SSD surgery found ${edges.size} tensors leaving the Preprocessor (${[...edges].join(', ')}); name the image one with \`preprocessedInput\``);
    }
  }

  return preprocessed;
}
