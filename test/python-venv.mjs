// A Python venv with one pip package, made on first use: the peers the tests and benches compare
// against (TensorFlow 2.21's interpreter, pycocotools) without making them dependencies of liteq.
// These machines install them offline; where pip cannot, the error says why.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The venv's python, after making `venv` and `pip install --retries 0 --timeout 5 <spec>` when
 * `import <module>` does not work there yet. `onInstall` is told before installing.
 */
export function ensureVenv(venv, spec, module, onInstall = () => {}) {
  const python = path.join(venv, 'bin', 'python');
  const ok = () => existsSync(python) && spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
  if (ok()) return python;
  onInstall();
  mkdirSync(path.dirname(venv), { recursive: true });
  const mk = spawnSync('python3', ['-m', 'venv', venv], { encoding: 'utf8' });
  if (mk.status !== 0) throw new Error(`python3 -m venv failed: ${(mk.stderr || mk.error?.message || '').trim().split('\n').pop()}`);
  const pip = spawnSync(path.join(venv, 'bin', 'pip'), ['install', '--retries', '0', '--timeout', '5', spec], { encoding: 'utf8' });
  if (pip.status !== 0 || !ok()) throw new Error(`pip could not install ${spec}: ${(pip.stderr || pip.stdout || '').trim().split('\n').slice(-3).join(' / ')}`);
  return python;
}

/** Runs a command; resolves to { status, stdout, stderr } (never rejects for a non-zero exit). */
function run(cmd, args) {
  return new Promise((resolve) => {
    execFile(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr: stderr || error?.message || '' });
    });
  });
}

/**
 * ensureVenv without blocking the event loop (installing TensorFlow takes minutes; a test worker that
 * blocks that long misses its runner's calls).
 */
export async function ensureVenvAsync(venv, spec, module, onInstall = () => {}) {
  const python = path.join(venv, 'bin', 'python');
  const ok = async () => existsSync(python) && (await run(python, ['-c', `import ${module}`])).status === 0;
  if (await ok()) return python;
  onInstall();
  mkdirSync(path.dirname(venv), { recursive: true });
  const mk = await run('python3', ['-m', 'venv', venv]);
  if (mk.status !== 0) throw new Error(`python3 -m venv failed: ${mk.stderr.trim().split('\n').pop()}`);
  const pip = await run(path.join(venv, 'bin', 'pip'), ['install', '--retries', '0', '--timeout', '5', spec]);
  if (pip.status !== 0 || !(await ok())) throw new Error(`pip could not install ${spec}: ${(pip.stderr || pip.stdout || '').trim().split('\n').slice(-3).join(' / ')}`);
  return python;
}
