// TensorFlow 2.21 as a peer in tests: Python scripts in the offline-installed venv
// (test/bench/.cache/tf-venv, made on first use), and its interpreter run over a set of models.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ensureVenvAsync } from '../python-venv.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * Runs a Python script (with args) in the TensorFlow 2.21 venv; resolves to its stdout (a non-zero exit
 * fails the test). Asynchronous: a conversion can take a minute, and a test worker must not block that long.
 */
export async function tfPython(script: string, ...args: string[]): Promise<string> {
  const py = await ensureVenvAsync(join(HERE, '../bench/.cache/tf-venv'), 'tensorflow-cpu==2.21.0', 'tensorflow');
  const r = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(py, ['-c', script, ...args], { encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' }, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr: stderr || (error?.message ?? '') });
    });
  });
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
export async function tfOutputs(inputFile: string, dtype: 'float32' | 'int32', shape: number[], models: string[]): Promise<string[][]> {
  return (await tfPython(RUN, inputFile, dtype === 'float32' ? '<f4' : '<i4', JSON.stringify(shape), ...models))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as string[]);
}
