"""The accuracy table's peer row: TensorFlow's own int8 post-training quantization of the SSD MobileNet v2
float graph. Run by scripts/accuracy.mjs in the bench's tensorflow-cpu 2.21 venv (never a dependency of
liteq).

usage: tf_int8_ptq.py tflite_graph.pb out.tflite calibration.f32

tflite_graph.pb is the shared QAT frozen graph; its FakeQuant nodes become Identity, which leaves the float
graph the float twin was made from. calibration.f32 holds the representative inputs, [N,300,300,3] float32
little-endian, already (pixel - 128) / 128 (liteq decodes and resizes them, so both tools see the same
values). The converter runs with Optimize.DEFAULT and the representative data: int8 weights per channel,
int8 activations, float model I/O, the custom post-process op left as it is.
"""
import os
import sys

import numpy as np

os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
import tensorflow as tf  # noqa: E402

pb, out, raw = sys.argv[1], sys.argv[2], sys.argv[3]
gd = tf.compat.v1.GraphDef()
with open(pb, 'rb') as fh:
    gd.ParseFromString(fh.read())
for node in gd.node:
    if node.op.startswith('FakeQuantWithMinMaxVars'):
        node.op = 'Identity'
        del node.input[1:]
        for k in list(node.attr.keys()):
            if k != 'T':
                del node.attr[k]
        node.attr['T'].type = tf.float32.as_datatype_enum
float_pb = out + '.float.pb'
with open(float_pb, 'wb') as fh:
    fh.write(gd.SerializeToString())

samples = np.fromfile(raw, dtype='<f4').reshape(-1, 300, 300, 3)


def representative():
    for x in samples:
        yield [x[None]]


outputs = ['TFLite_Detection_PostProcess'] + [f'TFLite_Detection_PostProcess:{k}' for k in (1, 2, 3)]
converter = tf.compat.v1.lite.TFLiteConverter.from_frozen_graph(
    float_pb, ['normalized_input_image_tensor'], outputs, {'normalized_input_image_tensor': [1, 300, 300, 3]})
converter.allow_custom_ops = True
converter.optimizations = [tf.lite.Optimize.DEFAULT]
converter.representative_dataset = representative
with open(out, 'wb') as fh:
    fh.write(converter.convert())
os.remove(float_pb)
