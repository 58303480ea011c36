// TensorFlow 2.21 as a peer in tests: Python scripts in the offline-installed venv
// (test/bench/.cache/tf-venv, made on first use), and its interpreter run over a set of models.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ensureVenv } from '../python-venv.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Runs a Python script (with args) in the TensorFlow 2.21 venv; returns its stdout (a non-zero exit fails the test). */
export function tfPython(script: string, ...args: string[]): string {
  const py = ensureVenv(join(HERE, '../bench/.cache/tf-venv'), 'tensorflow-cpu==2.21.0', 'tensorflow');
  const r = spawnSync(py, ['-c', script, ...args], { encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' }, maxBuffer: 1 << 26 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

// Each model on every sample of the input file in TensorFlow 2.21 (builtin kernels): one JSON line per
// model, the hex of output 0's float32 bits per sample.
const RUN = `
import sys, json, numpy as np, tensorflow as tf
xs = np.frombuffer(open(sys.argv[1], 'rb').read(), dtype=sys.argv[2]).reshape([-1] + json.loads(sys.argv[3]))
for path in sys.argv[4:]:
    it = tf.lite.Interpreter(model_path=path, experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES)
    it.allocate_tensors()
    outs = []
    for x in xs:
        it.set_tensor(it.get_input_details()[0]['index'], x)
        it.invoke()
        outs.append(it.get_tensor(it.get_output_details()[0]['index']).astype('<f4').tobytes().hex())
    print(json.dumps(outs))
`;

/**
 * Output 0 of each model in TensorFlow 2.21's interpreter, for each sample of `inputFile` (raw
 * little-endian `dtype` values, samples of `shape`): per model, the hex of the float32 bits per sample.
 */
export function tfOutputs(inputFile: string, dtype: 'float32' | 'int32', shape: number[], models: string[]): string[][] {
  return tfPython(RUN, inputFile, dtype === 'float32' ? '<f4' : '<i4', JSON.stringify(shape), ...models)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as string[]);
}
