// The one params declaration (packages/core/src/plan/params.ts) against the C++ structs: the committed
// generated header is what the declaration gives, it compiles against kernels/params.h, and a
// declaration that differs from the structs (two fields swapped) does not.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARAMS, paramsLayout, type ParamsBlock } from '@liteq/core';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import { HEADER_PATH, renderParamsLayoutHeader } from '../scripts/gen-params-header.mjs';

const nativeSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'native', 'src');
const render = renderParamsLayoutHeader as (layout: ReturnType<typeof paramsLayout>) => string;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'liteq-params-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Compiles kernels/params.h with `header` in place of the generated one; the compiler's result. */
function compileWith(header: string, name: string) {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'kernels'), { recursive: true });
  writeFileSync(path.join(dir, 'kernels', 'params_layout.generated.h'), header);
  // -I dir comes first, so "kernels/params_layout.generated.h" resolves there, not in native/src.
  return spawnSync(process.env['CXX'] ?? 'g++', ['-std=c++17', '-fsyntax-only', '-x', 'c++', `-I${dir}`, `-I${nativeSrc}`, path.join(nativeSrc, 'kernels', 'params.h')], { encoding: 'utf8' });
}

function withSwapped(block: keyof typeof PARAMS, a: number, b: number): Record<string, ParamsBlock> {
  const fields = [...PARAMS[block].fields];
  [fields[a], fields[b]] = [fields[b]!, fields[a]!];
  return { ...PARAMS, [block]: { ...PARAMS[block], fields } };
}

describe('kernel params: one declaration, checked against the C++ structs', () => {
  it('the committed params_layout.generated.h is what the declaration gives (run npm run gen:params -w @liteq/native)', () => {
    expect(readFileSync(HEADER_PATH as string, 'utf8')).toBe(render(paramsLayout()));
  });

  it('every declared block compiles against kernels/params.h', () => {
    const r = compileWith(render(paramsLayout()), 'declared');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('swapping two fields of one declaration fails the build, naming the field', () => {
    const r = compileWith(render(paramsLayout(withSwapped('ConvParams', 0, 1))), 'swapped');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/ConvParams\.stride_h is not at byte 4 as declared/);
  });

  it('a field declared with the wrong type fails the build', () => {
    const fields = PARAMS.PoolParams.fields.map(([n, t]) => [n, n === 'float_act_min' ? 'i32' : t] as const);
    const r = compileWith(render(paramsLayout({ ...PARAMS, PoolParams: { fields } })), 'retyped');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/PoolParams\.float_act_min is not int32_t as declared/);
  });

  it('a declaration missing a field fails the build on the size', () => {
    const r = compileWith(render(paramsLayout({ ...PARAMS, MeanParams: { fields: PARAMS.MeanParams.fields.slice(0, -1) } })), 'short');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/MeanParams is not 32 bytes as declared/);
  });
});
