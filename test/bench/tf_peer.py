"""The native TFLite peer for `npm run bench`: TensorFlow 2.21's TFLite interpreter (tf.lite.Interpreter),
with XNNPACK (its default delegate) or with builtin kernels only, driven by test/bench/models.mjs over
stdin/stdout, one JSON object per line, so that its runs alternate with liteq's in one bench run.

Requests and replies:
  {"cmd": "load", "model": PATH, "threads": N, "mode": "xnnpack" | "builtin"}  -> {"handle": H}
  {"cmd": "run", "handle": H, "input": BASE64}     one inference; -> {"outputs": [BASE64, ...]}
  {"cmd": "time", "handle": H, "n": N, "warm_ms": W}  W ms of untimed inferences (at least one), then N on the last input,
                                                   each timed here (copy in, invoke, copy out, as
                                                   liteq's runSync() does);
                                                   -> {"ms": [...]}
  {"cmd": "dispose", "handle": H}                  -> {}
Errors: {"error": "..."}. Never a dependency of liteq: only the bench starts it.
"""
import base64
import json
import sys
import time

import numpy as np
import tensorflow as tf

handles = {}


def load(req):
    kw = {"num_threads": int(req["threads"])}
    if req["mode"] == "builtin":
        kw["experimental_op_resolver_type"] = tf.lite.experimental.OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES
    it = tf.lite.Interpreter(model_path=req["model"], **kw)
    it.allocate_tensors()
    ins = it.get_input_details()
    if len(ins) != 1:
        raise ValueError(f"{len(ins)} inputs")
    h = len(handles) + 1
    handles[h] = {"it": it, "in": ins[0], "outs": it.get_output_details(), "x": None}
    return {"handle": h}


def once(p):
    it = p["it"]
    it.set_tensor(p["in"]["index"], p["x"])
    it.invoke()
    return [it.get_tensor(o["index"]).copy() for o in p["outs"]]


def run(req):
    p = handles[req["handle"]]
    d = p["in"]
    raw = base64.b64decode(req["input"])
    p["x"] = np.frombuffer(raw, dtype=d["dtype"]).reshape(d["shape"]).copy()
    return {"outputs": [base64.b64encode(np.ascontiguousarray(o).tobytes()).decode() for o in once(p)]}


def timed(req):
    p = handles[req["handle"]]
    until = time.perf_counter() + float(req.get("warm_ms", 0)) / 1e3
    while True:
        once(p)
        if time.perf_counter() >= until:
            break
    ms = []
    for _ in range(int(req["n"])):
        t = time.perf_counter()
        once(p)
        ms.append((time.perf_counter() - t) * 1e3)
    return {"ms": ms}


def main():
    print(json.dumps({"ready": True, "tensorflow": tf.__version__}), flush=True)
    for line in sys.stdin:
        req = json.loads(line)
        try:
            cmd = req["cmd"]
            if cmd == "load":
                out = load(req)
            elif cmd == "run":
                out = run(req)
            elif cmd == "time":
                out = timed(req)
            elif cmd == "dispose":
                handles.pop(req["handle"], None)
                out = {}
            else:
                out = {"error": f"unknown command {cmd}"}
        except Exception as e:  # reported to the bench, which prints it in the table
            out = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
