// GENERATED FILE — do not edit. Regenerate with packages/core/scripts/gen-proto.mjs.
// Generator: protobufjs-cli 1.3.3 (runtime protobufjs 7.6.6)
// Command (cwd = shared/schemas): hand-written type for descriptor.js
// Source: TensorFlow 2.9 tensorflow/core/framework/*.proto (Apache-2.0).
import type { INamespace } from "protobufjs";
declare const descriptor: INamespace;
export default descriptor;
