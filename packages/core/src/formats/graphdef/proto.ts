// protobufjs and TensorFlow's generated message classes, behind one function. The browser build (and
// tsc's output) imports them here; Node's bundle (scripts/bundle-node.mjs, `lazy`) replaces this module
// with one that loads them from dist/proto.cjs on first use, so Node commands that never read a
// GraphDef or TF.js model start without evaluating them (~17 ms of every `liteq` start-up).
import protobuf from 'protobufjs/light.js';
import { tensorflow } from './generated/graph-pb.js';

const modules = { protobuf, tensorflow };

/** The protobuf runtime (light: reflection included) and the generated `tensorflow` messages. */
export type ProtoModules = typeof modules;

export function protoModules(): ProtoModules {
  return modules;
}
