// GENERATED FILE — do not edit. Regenerate with packages/core/scripts/gen-proto.mjs.
// Generator: protobufjs-cli 1.3.3 (runtime protobufjs 7.6.6)
// Command (cwd = shared/schemas): pbjs -t static-module -w es6 --no-verify --no-delimited --no-create --no-typeurl --no-service -r liteq_graphdef -p . tensorflow/core/framework/graph.proto (import line rewritten to a default import of protobufjs/minimal.js)
// Source: TensorFlow 2.9 tensorflow/core/framework/*.proto (Apache-2.0).
/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["liteq_graphdef"] || ($protobuf.roots["liteq_graphdef"] = {});

export const tensorflow = $root.tensorflow = (() => {

    /**
     * Namespace tensorflow.
     * @exports tensorflow
     * @namespace
     */
    const tensorflow = {};

    tensorflow.GraphDef = (function() {

        /**
         * Properties of a GraphDef.
         * @memberof tensorflow
         * @interface IGraphDef
         * @property {Array.<tensorflow.INodeDef>|null} [node] GraphDef node
         * @property {tensorflow.IVersionDef|null} [versions] GraphDef versions
         * @property {number|null} [version] GraphDef version
         * @property {tensorflow.IFunctionDefLibrary|null} [library] GraphDef library
         */

        /**
         * Constructs a new GraphDef.
         * @memberof tensorflow
         * @classdesc Represents a GraphDef.
         * @implements IGraphDef
         * @constructor
         * @param {tensorflow.IGraphDef=} [properties] Properties to set
         */
        function GraphDef(properties) {
            this.node = [];
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * GraphDef node.
         * @member {Array.<tensorflow.INodeDef>} node
         * @memberof tensorflow.GraphDef
         * @instance
         */
        GraphDef.prototype.node = $util.emptyArray;

        /**
         * GraphDef versions.
         * @member {tensorflow.IVersionDef|null|undefined} versions
         * @memberof tensorflow.GraphDef
         * @instance
         */
        GraphDef.prototype.versions = null;

        /**
         * GraphDef version.
         * @member {number} version
         * @memberof tensorflow.GraphDef
         * @instance
         */
        GraphDef.prototype.version = 0;

        /**
         * GraphDef library.
         * @member {tensorflow.IFunctionDefLibrary|null|undefined} library
         * @memberof tensorflow.GraphDef
         * @instance
         */
        GraphDef.prototype.library = null;

        /**
         * Encodes the specified GraphDef message. Does not implicitly {@link tensorflow.GraphDef.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.GraphDef
         * @static
         * @param {tensorflow.IGraphDef} message GraphDef message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        GraphDef.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.node != null && message.node.length)
                for (let i = 0; i < message.node.length; ++i)
                    $root.tensorflow.NodeDef.encode(message.node[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
            if (message.library != null && Object.hasOwnProperty.call(message, "library"))
                $root.tensorflow.FunctionDefLibrary.encode(message.library, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.version);
            if (message.versions != null && Object.hasOwnProperty.call(message, "versions"))
                $root.tensorflow.VersionDef.encode(message.versions, writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
            return writer;
        };

        /**
         * Decodes a GraphDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.GraphDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.GraphDef} GraphDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GraphDef.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.GraphDef();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        if (!(message.node && message.node.length))
                            message.node = [];
                        message.node.push($root.tensorflow.NodeDef.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                case 4: {
                        message.versions = $root.tensorflow.VersionDef.decode(reader, reader.uint32(), undefined, long + 1);
                        break;
                    }
                case 3: {
                        message.version = reader.int32();
                        break;
                    }
                case 2: {
                        message.library = $root.tensorflow.FunctionDefLibrary.decode(reader, reader.uint32(), undefined, long + 1);
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a GraphDef message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.GraphDef
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.GraphDef} GraphDef
         */
        GraphDef.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.GraphDef)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.GraphDef: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.GraphDef();
            if (object.node) {
                if (!Array.isArray(object.node))
                    throw TypeError(".tensorflow.GraphDef.node: array expected");
                message.node = [];
                for (let i = 0; i < object.node.length; ++i) {
                    if (!$util.isObject(object.node[i]))
                        throw TypeError(".tensorflow.GraphDef.node: object expected");
                    message.node[i] = $root.tensorflow.NodeDef.fromObject(object.node[i], long + 1);
                }
            }
            if (object.versions != null) {
                if (!$util.isObject(object.versions))
                    throw TypeError(".tensorflow.GraphDef.versions: object expected");
                message.versions = $root.tensorflow.VersionDef.fromObject(object.versions, long + 1);
            }
            if (object.version != null)
                message.version = object.version | 0;
            if (object.library != null) {
                if (!$util.isObject(object.library))
                    throw TypeError(".tensorflow.GraphDef.library: object expected");
                message.library = $root.tensorflow.FunctionDefLibrary.fromObject(object.library, long + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a GraphDef message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.GraphDef
         * @static
         * @param {tensorflow.GraphDef} message GraphDef
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        GraphDef.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.node = [];
            if (options.defaults) {
                object.library = null;
                object.version = 0;
                object.versions = null;
            }
            if (message.node && message.node.length) {
                object.node = [];
                for (let j = 0; j < message.node.length; ++j)
                    object.node[j] = $root.tensorflow.NodeDef.toObject(message.node[j], options, q + 1);
            }
            if (message.library != null && Object.hasOwnProperty.call(message, "library"))
                object.library = $root.tensorflow.FunctionDefLibrary.toObject(message.library, options, q + 1);
            if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                object.version = message.version;
            if (message.versions != null && Object.hasOwnProperty.call(message, "versions"))
                object.versions = $root.tensorflow.VersionDef.toObject(message.versions, options, q + 1);
            return object;
        };

        /**
         * Converts this GraphDef to JSON.
         * @function toJSON
         * @memberof tensorflow.GraphDef
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        GraphDef.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        return GraphDef;
    })();

    tensorflow.FunctionDefLibrary = (function() {

        /**
         * Properties of a FunctionDefLibrary.
         * @memberof tensorflow
         * @interface IFunctionDefLibrary
         * @property {Array.<tensorflow.IFunctionDef>|null} ["function"] FunctionDefLibrary function
         * @property {Array.<tensorflow.IGradientDef>|null} [gradient] FunctionDefLibrary gradient
         * @property {Array.<tensorflow.IRegisteredGradient>|null} [registeredGradients] FunctionDefLibrary registeredGradients
         */

        /**
         * Constructs a new FunctionDefLibrary.
         * @memberof tensorflow
         * @classdesc Represents a FunctionDefLibrary.
         * @implements IFunctionDefLibrary
         * @constructor
         * @param {tensorflow.IFunctionDefLibrary=} [properties] Properties to set
         */
        function FunctionDefLibrary(properties) {
            this["function"] = [];
            this.gradient = [];
            this.registeredGradients = [];
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * FunctionDefLibrary function.
         * @member {Array.<tensorflow.IFunctionDef>} function
         * @memberof tensorflow.FunctionDefLibrary
         * @instance
         */
        FunctionDefLibrary.prototype["function"] = $util.emptyArray;

        /**
         * FunctionDefLibrary gradient.
         * @member {Array.<tensorflow.IGradientDef>} gradient
         * @memberof tensorflow.FunctionDefLibrary
         * @instance
         */
        FunctionDefLibrary.prototype.gradient = $util.emptyArray;

        /**
         * FunctionDefLibrary registeredGradients.
         * @member {Array.<tensorflow.IRegisteredGradient>} registeredGradients
         * @memberof tensorflow.FunctionDefLibrary
         * @instance
         */
        FunctionDefLibrary.prototype.registeredGradients = $util.emptyArray;

        /**
         * Encodes the specified FunctionDefLibrary message. Does not implicitly {@link tensorflow.FunctionDefLibrary.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.FunctionDefLibrary
         * @static
         * @param {tensorflow.IFunctionDefLibrary} message FunctionDefLibrary message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FunctionDefLibrary.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message["function"] != null && message["function"].length)
                for (let i = 0; i < message["function"].length; ++i)
                    $root.tensorflow.FunctionDef.encode(message["function"][i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
            if (message.gradient != null && message.gradient.length)
                for (let i = 0; i < message.gradient.length; ++i)
                    $root.tensorflow.GradientDef.encode(message.gradient[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            if (message.registeredGradients != null && message.registeredGradients.length)
                for (let i = 0; i < message.registeredGradients.length; ++i)
                    $root.tensorflow.RegisteredGradient.encode(message.registeredGradients[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
            return writer;
        };

        /**
         * Decodes a FunctionDefLibrary message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.FunctionDefLibrary
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.FunctionDefLibrary} FunctionDefLibrary
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FunctionDefLibrary.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.FunctionDefLibrary();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        if (!(message["function"] && message["function"].length))
                            message["function"] = [];
                        message["function"].push($root.tensorflow.FunctionDef.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                case 2: {
                        if (!(message.gradient && message.gradient.length))
                            message.gradient = [];
                        message.gradient.push($root.tensorflow.GradientDef.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                case 3: {
                        if (!(message.registeredGradients && message.registeredGradients.length))
                            message.registeredGradients = [];
                        message.registeredGradients.push($root.tensorflow.RegisteredGradient.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a FunctionDefLibrary message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.FunctionDefLibrary
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.FunctionDefLibrary} FunctionDefLibrary
         */
        FunctionDefLibrary.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.FunctionDefLibrary)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.FunctionDefLibrary: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.FunctionDefLibrary();
            if (object["function"]) {
                if (!Array.isArray(object["function"]))
                    throw TypeError(".tensorflow.FunctionDefLibrary.function: array expected");
                message["function"] = [];
                for (let i = 0; i < object["function"].length; ++i) {
                    if (!$util.isObject(object["function"][i]))
                        throw TypeError(".tensorflow.FunctionDefLibrary.function: object expected");
                    message["function"][i] = $root.tensorflow.FunctionDef.fromObject(object["function"][i], long + 1);
                }
            }
            if (object.gradient) {
                if (!Array.isArray(object.gradient))
                    throw TypeError(".tensorflow.FunctionDefLibrary.gradient: array expected");
                message.gradient = [];
                for (let i = 0; i < object.gradient.length; ++i) {
                    if (!$util.isObject(object.gradient[i]))
                        throw TypeError(".tensorflow.FunctionDefLibrary.gradient: object expected");
                    message.gradient[i] = $root.tensorflow.GradientDef.fromObject(object.gradient[i], long + 1);
                }
            }
            if (object.registeredGradients) {
                if (!Array.isArray(object.registeredGradients))
                    throw TypeError(".tensorflow.FunctionDefLibrary.registeredGradients: array expected");
                message.registeredGradients = [];
                for (let i = 0; i < object.registeredGradients.length; ++i) {
                    if (!$util.isObject(object.registeredGradients[i]))
                        throw TypeError(".tensorflow.FunctionDefLibrary.registeredGradients: object expected");
                    message.registeredGradients[i] = $root.tensorflow.RegisteredGradient.fromObject(object.registeredGradients[i], long + 1);
                }
            }
            return message;
        };

        /**
         * Creates a plain object from a FunctionDefLibrary message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.FunctionDefLibrary
         * @static
         * @param {tensorflow.FunctionDefLibrary} message FunctionDefLibrary
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        FunctionDefLibrary.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults) {
                object["function"] = [];
                object.gradient = [];
                object.registeredGradients = [];
            }
            if (message["function"] && message["function"].length) {
                object["function"] = [];
                for (let j = 0; j < message["function"].length; ++j)
                    object["function"][j] = $root.tensorflow.FunctionDef.toObject(message["function"][j], options, q + 1);
            }
            if (message.gradient && message.gradient.length) {
                object.gradient = [];
                for (let j = 0; j < message.gradient.length; ++j)
                    object.gradient[j] = $root.tensorflow.GradientDef.toObject(message.gradient[j], options, q + 1);
            }
            if (message.registeredGradients && message.registeredGradients.length) {
                object.registeredGradients = [];
                for (let j = 0; j < message.registeredGradients.length; ++j)
                    object.registeredGradients[j] = $root.tensorflow.RegisteredGradient.toObject(message.registeredGradients[j], options, q + 1);
            }
            return object;
        };

        /**
         * Converts this FunctionDefLibrary to JSON.
         * @function toJSON
         * @memberof tensorflow.FunctionDefLibrary
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        FunctionDefLibrary.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        return FunctionDefLibrary;
    })();

    tensorflow.FunctionDef = (function() {

        /**
         * Properties of a FunctionDef.
         * @memberof tensorflow
         * @interface IFunctionDef
         * @property {tensorflow.IOpDef|null} [signature] FunctionDef signature
         * @property {Object.<string,tensorflow.IAttrValue>|null} [attr] FunctionDef attr
         * @property {Object.<string,tensorflow.FunctionDef.IArgAttrs>|null} [argAttr] FunctionDef argAttr
         * @property {Object.<string,number>|null} [resourceArgUniqueId] FunctionDef resourceArgUniqueId
         * @property {Array.<tensorflow.INodeDef>|null} [nodeDef] FunctionDef nodeDef
         * @property {Object.<string,string>|null} [ret] FunctionDef ret
         * @property {Object.<string,string>|null} [controlRet] FunctionDef controlRet
         */

        /**
         * Constructs a new FunctionDef.
         * @memberof tensorflow
         * @classdesc Represents a FunctionDef.
         * @implements IFunctionDef
         * @constructor
         * @param {tensorflow.IFunctionDef=} [properties] Properties to set
         */
        function FunctionDef(properties) {
            this.attr = {};
            this.argAttr = {};
            this.resourceArgUniqueId = {};
            this.nodeDef = [];
            this.ret = {};
            this.controlRet = {};
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * FunctionDef signature.
         * @member {tensorflow.IOpDef|null|undefined} signature
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.signature = null;

        /**
         * FunctionDef attr.
         * @member {Object.<string,tensorflow.IAttrValue>} attr
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.attr = $util.emptyObject;

        /**
         * FunctionDef argAttr.
         * @member {Object.<string,tensorflow.FunctionDef.IArgAttrs>} argAttr
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.argAttr = $util.emptyObject;

        /**
         * FunctionDef resourceArgUniqueId.
         * @member {Object.<string,number>} resourceArgUniqueId
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.resourceArgUniqueId = $util.emptyObject;

        /**
         * FunctionDef nodeDef.
         * @member {Array.<tensorflow.INodeDef>} nodeDef
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.nodeDef = $util.emptyArray;

        /**
         * FunctionDef ret.
         * @member {Object.<string,string>} ret
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.ret = $util.emptyObject;

        /**
         * FunctionDef controlRet.
         * @member {Object.<string,string>} controlRet
         * @memberof tensorflow.FunctionDef
         * @instance
         */
        FunctionDef.prototype.controlRet = $util.emptyObject;

        /**
         * Encodes the specified FunctionDef message. Does not implicitly {@link tensorflow.FunctionDef.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.FunctionDef
         * @static
         * @param {tensorflow.IFunctionDef} message FunctionDef message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FunctionDef.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.signature != null && Object.hasOwnProperty.call(message, "signature"))
                $root.tensorflow.OpDef.encode(message.signature, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
            if (message.nodeDef != null && message.nodeDef.length)
                for (let i = 0; i < message.nodeDef.length; ++i)
                    $root.tensorflow.NodeDef.encode(message.nodeDef[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
            if (message.ret != null && Object.hasOwnProperty.call(message, "ret"))
                for (let keys = Object.keys(message.ret), i = 0; i < keys.length; ++i)
                    writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.ret[keys[i]]).ldelim();
            if (message.attr != null && Object.hasOwnProperty.call(message, "attr"))
                for (let keys = Object.keys(message.attr), i = 0; i < keys.length; ++i) {
                    writer.uint32(/* id 5, wireType 2 =*/42).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]);
                    $root.tensorflow.AttrValue.encode(message.attr[keys[i]], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim().ldelim();
                }
            if (message.controlRet != null && Object.hasOwnProperty.call(message, "controlRet"))
                for (let keys = Object.keys(message.controlRet), i = 0; i < keys.length; ++i)
                    writer.uint32(/* id 6, wireType 2 =*/50).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.controlRet[keys[i]]).ldelim();
            if (message.argAttr != null && Object.hasOwnProperty.call(message, "argAttr"))
                for (let keys = Object.keys(message.argAttr), i = 0; i < keys.length; ++i) {
                    writer.uint32(/* id 7, wireType 2 =*/58).fork().uint32(/* id 1, wireType 0 =*/8).uint32(keys[i]);
                    $root.tensorflow.FunctionDef.ArgAttrs.encode(message.argAttr[keys[i]], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim().ldelim();
                }
            if (message.resourceArgUniqueId != null && Object.hasOwnProperty.call(message, "resourceArgUniqueId"))
                for (let keys = Object.keys(message.resourceArgUniqueId), i = 0; i < keys.length; ++i)
                    writer.uint32(/* id 8, wireType 2 =*/66).fork().uint32(/* id 1, wireType 0 =*/8).uint32(keys[i]).uint32(/* id 2, wireType 0 =*/16).uint32(message.resourceArgUniqueId[keys[i]]).ldelim();
            return writer;
        };

        /**
         * Decodes a FunctionDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.FunctionDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.FunctionDef} FunctionDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FunctionDef.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message, key, value;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.FunctionDef();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        message.signature = $root.tensorflow.OpDef.decode(reader, reader.uint32(), undefined, long + 1);
                        break;
                    }
                case 5: {
                        if (message.attr === $util.emptyObject)
                            message.attr = {};
                        let end2 = reader.uint32() + reader.pos;
                        if (end2 > reader.len)
                            throw RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = null;
                        while (reader.pos < end2) {
                            let tag2 = reader.uint32();
                            switch (tag2 >>> 3) {
                            case 1:
                                key = reader.string();
                                break;
                            case 2:
                                value = $root.tensorflow.AttrValue.decode(reader, reader.uint32(), undefined, long + 1);
                                break;
                            default:
                                reader.skipType(tag2 & 7, long);
                                break;
                            }
                        }
                        if (reader.pos !== end2)
                            throw RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.attr, key);
                        message.attr[key] = value;
                        break;
                    }
                case 7: {
                        if (message.argAttr === $util.emptyObject)
                            message.argAttr = {};
                        let end2 = reader.uint32() + reader.pos;
                        if (end2 > reader.len)
                            throw RangeError("index out of range");
                        reader.len = end2;
                        key = 0;
                        value = null;
                        while (reader.pos < end2) {
                            let tag2 = reader.uint32();
                            switch (tag2 >>> 3) {
                            case 1:
                                key = reader.uint32();
                                break;
                            case 2:
                                value = $root.tensorflow.FunctionDef.ArgAttrs.decode(reader, reader.uint32(), undefined, long + 1);
                                break;
                            default:
                                reader.skipType(tag2 & 7, long);
                                break;
                            }
                        }
                        if (reader.pos !== end2)
                            throw RangeError("index out of range");
                        reader.len = end;
                        message.argAttr[key] = value;
                        break;
                    }
                case 8: {
                        if (message.resourceArgUniqueId === $util.emptyObject)
                            message.resourceArgUniqueId = {};
                        let end2 = reader.uint32() + reader.pos;
                        if (end2 > reader.len)
                            throw RangeError("index out of range");
                        reader.len = end2;
                        key = 0;
                        value = 0;
                        while (reader.pos < end2) {
                            let tag2 = reader.uint32();
                            switch (tag2 >>> 3) {
                            case 1:
                                key = reader.uint32();
                                break;
                            case 2:
                                value = reader.uint32();
                                break;
                            default:
                                reader.skipType(tag2 & 7, long);
                                break;
                            }
                        }
                        if (reader.pos !== end2)
                            throw RangeError("index out of range");
                        reader.len = end;
                        message.resourceArgUniqueId[key] = value;
                        break;
                    }
                case 3: {
                        if (!(message.nodeDef && message.nodeDef.length))
                            message.nodeDef = [];
                        message.nodeDef.push($root.tensorflow.NodeDef.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                case 4: {
                        if (message.ret === $util.emptyObject)
                            message.ret = {};
                        let end2 = reader.uint32() + reader.pos;
                        if (end2 > reader.len)
                            throw RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = "";
                        while (reader.pos < end2) {
                            let tag2 = reader.uint32();
                            switch (tag2 >>> 3) {
                            case 1:
                                key = reader.string();
                                break;
                            case 2:
                                value = reader.string();
                                break;
                            default:
                                reader.skipType(tag2 & 7, long);
                                break;
                            }
                        }
                        if (reader.pos !== end2)
                            throw RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.ret, key);
                        message.ret[key] = value;
                        break;
                    }
                case 6: {
                        if (message.controlRet === $util.emptyObject)
                            message.controlRet = {};
                        let end2 = reader.uint32() + reader.pos;
                        if (end2 > reader.len)
                            throw RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = "";
                        while (reader.pos < end2) {
                            let tag2 = reader.uint32();
                            switch (tag2 >>> 3) {
                            case 1:
                                key = reader.string();
                                break;
                            case 2:
                                value = reader.string();
                                break;
                            default:
                                reader.skipType(tag2 & 7, long);
                                break;
                            }
                        }
                        if (reader.pos !== end2)
                            throw RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.controlRet, key);
                        message.controlRet[key] = value;
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a FunctionDef message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.FunctionDef
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.FunctionDef} FunctionDef
         */
        FunctionDef.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.FunctionDef)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.FunctionDef: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.FunctionDef();
            if (object.signature != null) {
                if (!$util.isObject(object.signature))
                    throw TypeError(".tensorflow.FunctionDef.signature: object expected");
                message.signature = $root.tensorflow.OpDef.fromObject(object.signature, long + 1);
            }
            if (object.attr) {
                if (!$util.isObject(object.attr))
                    throw TypeError(".tensorflow.FunctionDef.attr: object expected");
                message.attr = {};
                for (let keys = Object.keys(object.attr), i = 0; i < keys.length; ++i) {
                    if (keys[i] === "__proto__")
                        $util.makeProp(message.attr, keys[i]);
                    if (!$util.isObject(object.attr[keys[i]]))
                        throw TypeError(".tensorflow.FunctionDef.attr: object expected");
                    message.attr[keys[i]] = $root.tensorflow.AttrValue.fromObject(object.attr[keys[i]], long + 1);
                }
            }
            if (object.argAttr) {
                if (!$util.isObject(object.argAttr))
                    throw TypeError(".tensorflow.FunctionDef.argAttr: object expected");
                message.argAttr = {};
                for (let keys = Object.keys(object.argAttr), i = 0; i < keys.length; ++i) {
                    if (keys[i] === "__proto__")
                        $util.makeProp(message.argAttr, keys[i]);
                    if (!$util.isObject(object.argAttr[keys[i]]))
                        throw TypeError(".tensorflow.FunctionDef.argAttr: object expected");
                    message.argAttr[keys[i]] = $root.tensorflow.FunctionDef.ArgAttrs.fromObject(object.argAttr[keys[i]], long + 1);
                }
            }
            if (object.resourceArgUniqueId) {
                if (!$util.isObject(object.resourceArgUniqueId))
                    throw TypeError(".tensorflow.FunctionDef.resourceArgUniqueId: object expected");
                message.resourceArgUniqueId = {};
                for (let keys = Object.keys(object.resourceArgUniqueId), i = 0; i < keys.length; ++i) {
                    if (keys[i] === "__proto__")
                        $util.makeProp(message.resourceArgUniqueId, keys[i]);
                    message.resourceArgUniqueId[keys[i]] = object.resourceArgUniqueId[keys[i]] >>> 0;
                }
            }
            if (object.nodeDef) {
                if (!Array.isArray(object.nodeDef))
                    throw TypeError(".tensorflow.FunctionDef.nodeDef: array expected");
                message.nodeDef = [];
                for (let i = 0; i < object.nodeDef.length; ++i) {
                    if (!$util.isObject(object.nodeDef[i]))
                        throw TypeError(".tensorflow.FunctionDef.nodeDef: object expected");
                    message.nodeDef[i] = $root.tensorflow.NodeDef.fromObject(object.nodeDef[i], long + 1);
                }
            }
            if (object.ret) {
                if (!$util.isObject(object.ret))
                    throw TypeError(".tensorflow.FunctionDef.ret: object expected");
                message.ret = {};
                for (let keys = Object.keys(object.ret), i = 0; i < keys.length; ++i) {
                    if (keys[i] === "__proto__")
                        $util.makeProp(message.ret, keys[i]);
                    message.ret[keys[i]] = String(object.ret[keys[i]]);
                }
            }
            if (object.controlRet) {
                if (!$util.isObject(object.controlRet))
                    throw TypeError(".tensorflow.FunctionDef.controlRet: object expected");
                message.controlRet = {};
                for (let keys = Object.keys(object.controlRet), i = 0; i < keys.length; ++i) {
                    if (keys[i] === "__proto__")
                        $util.makeProp(message.controlRet, keys[i]);
                    message.controlRet[keys[i]] = String(object.controlRet[keys[i]]);
                }
            }
            return message;
        };

        /**
         * Creates a plain object from a FunctionDef message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.FunctionDef
         * @static
         * @param {tensorflow.FunctionDef} message FunctionDef
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        FunctionDef.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.nodeDef = [];
            if (options.objects || options.defaults) {
                object.ret = {};
                object.attr = {};
                object.controlRet = {};
                object.argAttr = {};
                object.resourceArgUniqueId = {};
            }
            if (options.defaults)
                object.signature = null;
            if (message.signature != null && Object.hasOwnProperty.call(message, "signature"))
                object.signature = $root.tensorflow.OpDef.toObject(message.signature, options, q + 1);
            if (message.nodeDef && message.nodeDef.length) {
                object.nodeDef = [];
                for (let j = 0; j < message.nodeDef.length; ++j)
                    object.nodeDef[j] = $root.tensorflow.NodeDef.toObject(message.nodeDef[j], options, q + 1);
            }
            let keys2;
            if (message.ret && (keys2 = Object.keys(message.ret)).length) {
                object.ret = {};
                for (let j = 0; j < keys2.length; ++j) {
                    if (keys2[j] === "__proto__")
                        $util.makeProp(object.ret, keys2[j]);
                    object.ret[keys2[j]] = message.ret[keys2[j]];
                }
            }
            if (message.attr && (keys2 = Object.keys(message.attr)).length) {
                object.attr = {};
                for (let j = 0; j < keys2.length; ++j) {
                    if (keys2[j] === "__proto__")
                        $util.makeProp(object.attr, keys2[j]);
                    object.attr[keys2[j]] = $root.tensorflow.AttrValue.toObject(message.attr[keys2[j]], options, q + 1);
                }
            }
            if (message.controlRet && (keys2 = Object.keys(message.controlRet)).length) {
                object.controlRet = {};
                for (let j = 0; j < keys2.length; ++j) {
                    if (keys2[j] === "__proto__")
                        $util.makeProp(object.controlRet, keys2[j]);
                    object.controlRet[keys2[j]] = message.controlRet[keys2[j]];
                }
            }
            if (message.argAttr && (keys2 = Object.keys(message.argAttr)).length) {
                object.argAttr = {};
                for (let j = 0; j < keys2.length; ++j) {
                    if (keys2[j] === "__proto__")
                        $util.makeProp(object.argAttr, keys2[j]);
                    object.argAttr[keys2[j]] = $root.tensorflow.FunctionDef.ArgAttrs.toObject(message.argAttr[keys2[j]], options, q + 1);
                }
            }
            if (message.resourceArgUniqueId && (keys2 = Object.keys(message.resourceArgUniqueId)).length) {
                object.resourceArgUniqueId = {};
                for (let j = 0; j < keys2.length; ++j) {
                    if (keys2[j] === "__proto__")
                        $util.makeProp(object.resourceArgUniqueId, keys2[j]);
                    object.resourceArgUniqueId[keys2[j]] = message.resourceArgUniqueId[keys2[j]];
                }
            }
            return object;
        };

        /**
         * Converts this FunctionDef to JSON.
         * @function toJSON
         * @memberof tensorflow.FunctionDef
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        FunctionDef.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        FunctionDef.ArgAttrs = (function() {

            /**
             * Properties of an ArgAttrs.
             * @memberof tensorflow.FunctionDef
             * @interface IArgAttrs
             * @property {Object.<string,tensorflow.IAttrValue>|null} [attr] ArgAttrs attr
             */

            /**
             * Constructs a new ArgAttrs.
             * @memberof tensorflow.FunctionDef
             * @classdesc Represents an ArgAttrs.
             * @implements IArgAttrs
             * @constructor
             * @param {tensorflow.FunctionDef.IArgAttrs=} [properties] Properties to set
             */
            function ArgAttrs(properties) {
                this.attr = {};
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ArgAttrs attr.
             * @member {Object.<string,tensorflow.IAttrValue>} attr
             * @memberof tensorflow.FunctionDef.ArgAttrs
             * @instance
             */
            ArgAttrs.prototype.attr = $util.emptyObject;

            /**
             * Encodes the specified ArgAttrs message. Does not implicitly {@link tensorflow.FunctionDef.ArgAttrs.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.FunctionDef.ArgAttrs
             * @static
             * @param {tensorflow.FunctionDef.IArgAttrs} message ArgAttrs message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ArgAttrs.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.attr != null && Object.hasOwnProperty.call(message, "attr"))
                    for (let keys = Object.keys(message.attr), i = 0; i < keys.length; ++i) {
                        writer.uint32(/* id 1, wireType 2 =*/10).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]);
                        $root.tensorflow.AttrValue.encode(message.attr[keys[i]], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim().ldelim();
                    }
                return writer;
            };

            /**
             * Decodes an ArgAttrs message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.FunctionDef.ArgAttrs
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.FunctionDef.ArgAttrs} ArgAttrs
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ArgAttrs.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.tensorflow.FunctionDef.ArgAttrs();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (message.attr === $util.emptyObject)
                                message.attr = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = null;
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = $root.tensorflow.AttrValue.decode(reader, reader.uint32(), undefined, long + 1);
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.attr, key);
                            message.attr[key] = value;
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an ArgAttrs message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorflow.FunctionDef.ArgAttrs
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorflow.FunctionDef.ArgAttrs} ArgAttrs
             */
            ArgAttrs.fromObject = function fromObject(object, long) {
                if (object instanceof $root.tensorflow.FunctionDef.ArgAttrs)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".tensorflow.FunctionDef.ArgAttrs: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.tensorflow.FunctionDef.ArgAttrs();
                if (object.attr) {
                    if (!$util.isObject(object.attr))
                        throw TypeError(".tensorflow.FunctionDef.ArgAttrs.attr: object expected");
                    message.attr = {};
                    for (let keys = Object.keys(object.attr), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.attr, keys[i]);
                        if (!$util.isObject(object.attr[keys[i]]))
                            throw TypeError(".tensorflow.FunctionDef.ArgAttrs.attr: object expected");
                        message.attr[keys[i]] = $root.tensorflow.AttrValue.fromObject(object.attr[keys[i]], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an ArgAttrs message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorflow.FunctionDef.ArgAttrs
             * @static
             * @param {tensorflow.FunctionDef.ArgAttrs} message ArgAttrs
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ArgAttrs.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults)
                    object.attr = {};
                let keys2;
                if (message.attr && (keys2 = Object.keys(message.attr)).length) {
                    object.attr = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.attr, keys2[j]);
                        object.attr[keys2[j]] = $root.tensorflow.AttrValue.toObject(message.attr[keys2[j]], options, q + 1);
                    }
                }
                return object;
            };

            /**
             * Converts this ArgAttrs to JSON.
             * @function toJSON
             * @memberof tensorflow.FunctionDef.ArgAttrs
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ArgAttrs.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ArgAttrs;
        })();

        return FunctionDef;
    })();

    tensorflow.GradientDef = (function() {

        /**
         * Properties of a GradientDef.
         * @memberof tensorflow
         * @interface IGradientDef
         * @property {string|null} [functionName] GradientDef functionName
         * @property {string|null} [gradientFunc] GradientDef gradientFunc
         */

        /**
         * Constructs a new GradientDef.
         * @memberof tensorflow
         * @classdesc Represents a GradientDef.
         * @implements IGradientDef
         * @constructor
         * @param {tensorflow.IGradientDef=} [properties] Properties to set
         */
        function GradientDef(properties) {
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * GradientDef functionName.
         * @member {string} functionName
         * @memberof tensorflow.GradientDef
         * @instance
         */
        GradientDef.prototype.functionName = "";

        /**
         * GradientDef gradientFunc.
         * @member {string} gradientFunc
         * @memberof tensorflow.GradientDef
         * @instance
         */
        GradientDef.prototype.gradientFunc = "";

        /**
         * Encodes the specified GradientDef message. Does not implicitly {@link tensorflow.GradientDef.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.GradientDef
         * @static
         * @param {tensorflow.IGradientDef} message GradientDef message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        GradientDef.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.functionName != null && Object.hasOwnProperty.call(message, "functionName"))
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.functionName);
            if (message.gradientFunc != null && Object.hasOwnProperty.call(message, "gradientFunc"))
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.gradientFunc);
            return writer;
        };

        /**
         * Decodes a GradientDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.GradientDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.GradientDef} GradientDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GradientDef.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.GradientDef();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        message.functionName = reader.string();
                        break;
                    }
                case 2: {
                        message.gradientFunc = reader.string();
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a GradientDef message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.GradientDef
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.GradientDef} GradientDef
         */
        GradientDef.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.GradientDef)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.GradientDef: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.GradientDef();
            if (object.functionName != null)
                message.functionName = String(object.functionName);
            if (object.gradientFunc != null)
                message.gradientFunc = String(object.gradientFunc);
            return message;
        };

        /**
         * Creates a plain object from a GradientDef message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.GradientDef
         * @static
         * @param {tensorflow.GradientDef} message GradientDef
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        GradientDef.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.functionName = "";
                object.gradientFunc = "";
            }
            if (message.functionName != null && Object.hasOwnProperty.call(message, "functionName"))
                object.functionName = message.functionName;
            if (message.gradientFunc != null && Object.hasOwnProperty.call(message, "gradientFunc"))
                object.gradientFunc = message.gradientFunc;
            return object;
        };

        /**
         * Converts this GradientDef to JSON.
         * @function toJSON
         * @memberof tensorflow.GradientDef
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        GradientDef.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        return GradientDef;
    })();

    tensorflow.RegisteredGradient = (function() {

        /**
         * Properties of a RegisteredGradient.
         * @memberof tensorflow
         * @interface IRegisteredGradient
         * @property {string|null} [gradientFunc] RegisteredGradient gradientFunc
         * @property {string|null} [registeredOpType] RegisteredGradient registeredOpType
         */

        /**
         * Constructs a new RegisteredGradient.
         * @memberof tensorflow
         * @classdesc Represents a RegisteredGradient.
         * @implements IRegisteredGradient
         * @constructor
         * @param {tensorflow.IRegisteredGradient=} [properties] Properties to set
         */
        function RegisteredGradient(properties) {
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * RegisteredGradient gradientFunc.
         * @member {string} gradientFunc
         * @memberof tensorflow.RegisteredGradient
         * @instance
         */
        RegisteredGradient.prototype.gradientFunc = "";

        /**
         * RegisteredGradient registeredOpType.
         * @member {string} registeredOpType
         * @memberof tensorflow.RegisteredGradient
         * @instance
         */
        RegisteredGradient.prototype.registeredOpType = "";

        /**
         * Encodes the specified RegisteredGradient message. Does not implicitly {@link tensorflow.RegisteredGradient.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.RegisteredGradient
         * @static
         * @param {tensorflow.IRegisteredGradient} message RegisteredGradient message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RegisteredGradient.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.gradientFunc != null && Object.hasOwnProperty.call(message, "gradientFunc"))
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.gradientFunc);
            if (message.registeredOpType != null && Object.hasOwnProperty.call(message, "registeredOpType"))
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.registeredOpType);
            return writer;
        };

        /**
         * Decodes a RegisteredGradient message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.RegisteredGradient
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.RegisteredGradient} RegisteredGradient
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RegisteredGradient.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.RegisteredGradient();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        message.gradientFunc = reader.string();
                        break;
                    }
                case 2: {
                        message.registeredOpType = reader.string();
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a RegisteredGradient message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.RegisteredGradient
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.RegisteredGradient} RegisteredGradient
         */
        RegisteredGradient.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.RegisteredGradient)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.RegisteredGradient: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.RegisteredGradient();
            if (object.gradientFunc != null)
                message.gradientFunc = String(object.gradientFunc);
            if (object.registeredOpType != null)
                message.registeredOpType = String(object.registeredOpType);
            return message;
        };

        /**
         * Creates a plain object from a RegisteredGradient message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.RegisteredGradient
         * @static
         * @param {tensorflow.RegisteredGradient} message RegisteredGradient
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        RegisteredGradient.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.gradientFunc = "";
                object.registeredOpType = "";
            }
            if (message.gradientFunc != null && Object.hasOwnProperty.call(message, "gradientFunc"))
                object.gradientFunc = message.gradientFunc;
            if (message.registeredOpType != null && Object.hasOwnProperty.call(message, "registeredOpType"))
                object.registeredOpType = message.registeredOpType;
            return object;
        };

        /**
         * Converts this RegisteredGradient to JSON.
         * @function toJSON
         * @memberof tensorflow.RegisteredGradient
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        RegisteredGradient.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        return RegisteredGradient;
    })();

    tensorflow.AttrValue = (function() {

        /**
         * Properties of an AttrValue.
         * @memberof tensorflow
         * @interface IAttrValue
         * @property {Uint8Array|null} [s] AttrValue s
         * @property {number|Long|null} [i] AttrValue i
         * @property {number|null} [f] AttrValue f
         * @property {boolean|null} [b] AttrValue b
         * @property {tensorflow.DataType|null} [type] AttrValue type
         * @property {tensorflow.ITensorShapeProto|null} [shape] AttrValue shape
         * @property {tensorflow.ITensorProto|null} [tensor] AttrValue tensor
         * @property {tensorflow.AttrValue.IListValue|null} [list] AttrValue list
         * @property {tensorflow.INameAttrList|null} [func] AttrValue func
         * @property {string|null} [placeholder] AttrValue placeholder
         */

        /**
         * Constructs a new AttrValue.
         * @memberof tensorflow
         * @classdesc Represents an AttrValue.
         * @implements IAttrValue
         * @constructor
         * @param {tensorflow.IAttrValue=} [properties] Properties to set
         */
        function AttrValue(properties) {
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * AttrValue s.
         * @member {Uint8Array|null|undefined} s
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.s = null;

        /**
         * AttrValue i.
         * @member {number|Long|null|undefined} i
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.i = null;

        /**
         * AttrValue f.
         * @member {number|null|undefined} f
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.f = null;

        /**
         * AttrValue b.
         * @member {boolean|null|undefined} b
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.b = null;

        /**
         * AttrValue type.
         * @member {tensorflow.DataType|null|undefined} type
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.type = null;

        /**
         * AttrValue shape.
         * @member {tensorflow.ITensorShapeProto|null|undefined} shape
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.shape = null;

        /**
         * AttrValue tensor.
         * @member {tensorflow.ITensorProto|null|undefined} tensor
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.tensor = null;

        /**
         * AttrValue list.
         * @member {tensorflow.AttrValue.IListValue|null|undefined} list
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.list = null;

        /**
         * AttrValue func.
         * @member {tensorflow.INameAttrList|null|undefined} func
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.func = null;

        /**
         * AttrValue placeholder.
         * @member {string|null|undefined} placeholder
         * @memberof tensorflow.AttrValue
         * @instance
         */
        AttrValue.prototype.placeholder = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * AttrValue value.
         * @member {"s"|"i"|"f"|"b"|"type"|"shape"|"tensor"|"list"|"func"|"placeholder"|undefined} value
         * @memberof tensorflow.AttrValue
         * @instance
         */
        Object.defineProperty(AttrValue.prototype, "value", {
            get: $util.oneOfGetter($oneOfFields = ["s", "i", "f", "b", "type", "shape", "tensor", "list", "func", "placeholder"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Encodes the specified AttrValue message. Does not implicitly {@link tensorflow.AttrValue.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.AttrValue
         * @static
         * @param {tensorflow.IAttrValue} message AttrValue message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AttrValue.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.list != null && Object.hasOwnProperty.call(message, "list"))
                $root.tensorflow.AttrValue.ListValue.encode(message.list, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
            if (message.s != null && Object.hasOwnProperty.call(message, "s"))
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.s);
            if (message.i != null && Object.hasOwnProperty.call(message, "i"))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.i);
            if (message.f != null && Object.hasOwnProperty.call(message, "f"))
                writer.uint32(/* id 4, wireType 5 =*/37).float(message.f);
            if (message.b != null && Object.hasOwnProperty.call(message, "b"))
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.b);
            if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                writer.uint32(/* id 6, wireType 0 =*/48).int32(message.type);
            if (message.shape != null && Object.hasOwnProperty.call(message, "shape"))
                $root.tensorflow.TensorShapeProto.encode(message.shape, writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
            if (message.tensor != null && Object.hasOwnProperty.call(message, "tensor"))
                $root.tensorflow.TensorProto.encode(message.tensor, writer.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
            if (message.placeholder != null && Object.hasOwnProperty.call(message, "placeholder"))
                writer.uint32(/* id 9, wireType 2 =*/74).string(message.placeholder);
            if (message.func != null && Object.hasOwnProperty.call(message, "func"))
                $root.tensorflow.NameAttrList.encode(message.func, writer.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
            return writer;
        };

        /**
         * Decodes an AttrValue message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.AttrValue
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.AttrValue} AttrValue
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AttrValue.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.AttrValue();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 2: {
                        message.s = reader.bytes();
                        break;
                    }
                case 3: {
                        message.i = reader.int64();
                        break;
                    }
                case 4: {
                        message.f = reader.float();
                        break;
                    }
                case 5: {
                        message.b = reader.bool();
                        break;
                    }
                case 6: {
                        message.type = reader.int32();
                        break;
                    }
                case 7: {
                        message.shape = $root.tensorflow.TensorShapeProto.decode(reader, reader.uint32(), undefined, long + 1);
                        break;
                    }
                case 8: {
                        message.tensor = $root.tensorflow.TensorProto.decode(reader, reader.uint32(), undefined, long + 1);
                        break;
                    }
                case 1: {
                        message.list = $root.tensorflow.AttrValue.ListValue.decode(reader, reader.uint32(), undefined, long + 1);
                        break;
                    }
                case 10: {
                        message.func = $root.tensorflow.NameAttrList.decode(reader, reader.uint32(), undefined, long + 1);
                        break;
                    }
                case 9: {
                        message.placeholder = reader.string();
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates an AttrValue message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.AttrValue
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.AttrValue} AttrValue
         */
        AttrValue.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.AttrValue)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.AttrValue: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.AttrValue();
            if (object.s != null)
                if (typeof object.s === "string")
                    $util.base64.decode(object.s, message.s = $util.newBuffer($util.base64.length(object.s)), 0);
                else if (object.s.length >= 0)
                    message.s = object.s;
            if (object.i != null)
                if ($util.Long)
                    message.i = $util.Long.fromValue(object.i, false);
                else if (typeof object.i === "string")
                    message.i = parseInt(object.i, 10);
                else if (typeof object.i === "number")
                    message.i = object.i;
                else if (typeof object.i === "object")
                    message.i = new $util.LongBits(object.i.low >>> 0, object.i.high >>> 0).toNumber();
            if (object.f != null)
                message.f = Number(object.f);
            if (object.b != null)
                message.b = Boolean(object.b);
            switch (object.type) {
            default:
                if (typeof object.type === "number") {
                    message.type = object.type;
                    break;
                }
                break;
            case "DT_INVALID":
            case 0:
                message.type = 0;
                break;
            case "DT_FLOAT":
            case 1:
                message.type = 1;
                break;
            case "DT_DOUBLE":
            case 2:
                message.type = 2;
                break;
            case "DT_INT32":
            case 3:
                message.type = 3;
                break;
            case "DT_UINT8":
            case 4:
                message.type = 4;
                break;
            case "DT_INT16":
            case 5:
                message.type = 5;
                break;
            case "DT_INT8":
            case 6:
                message.type = 6;
                break;
            case "DT_STRING":
            case 7:
                message.type = 7;
                break;
            case "DT_COMPLEX64":
            case 8:
                message.type = 8;
                break;
            case "DT_INT64":
            case 9:
                message.type = 9;
                break;
            case "DT_BOOL":
            case 10:
                message.type = 10;
                break;
            case "DT_QINT8":
            case 11:
                message.type = 11;
                break;
            case "DT_QUINT8":
            case 12:
                message.type = 12;
                break;
            case "DT_QINT32":
            case 13:
                message.type = 13;
                break;
            case "DT_BFLOAT16":
            case 14:
                message.type = 14;
                break;
            case "DT_QINT16":
            case 15:
                message.type = 15;
                break;
            case "DT_QUINT16":
            case 16:
                message.type = 16;
                break;
            case "DT_UINT16":
            case 17:
                message.type = 17;
                break;
            case "DT_COMPLEX128":
            case 18:
                message.type = 18;
                break;
            case "DT_HALF":
            case 19:
                message.type = 19;
                break;
            case "DT_RESOURCE":
            case 20:
                message.type = 20;
                break;
            case "DT_VARIANT":
            case 21:
                message.type = 21;
                break;
            case "DT_UINT32":
            case 22:
                message.type = 22;
                break;
            case "DT_UINT64":
            case 23:
                message.type = 23;
                break;
            case "DT_FLOAT_REF":
            case 101:
                message.type = 101;
                break;
            case "DT_DOUBLE_REF":
            case 102:
                message.type = 102;
                break;
            case "DT_INT32_REF":
            case 103:
                message.type = 103;
                break;
            case "DT_UINT8_REF":
            case 104:
                message.type = 104;
                break;
            case "DT_INT16_REF":
            case 105:
                message.type = 105;
                break;
            case "DT_INT8_REF":
            case 106:
                message.type = 106;
                break;
            case "DT_STRING_REF":
            case 107:
                message.type = 107;
                break;
            case "DT_COMPLEX64_REF":
            case 108:
                message.type = 108;
                break;
            case "DT_INT64_REF":
            case 109:
                message.type = 109;
                break;
            case "DT_BOOL_REF":
            case 110:
                message.type = 110;
                break;
            case "DT_QINT8_REF":
            case 111:
                message.type = 111;
                break;
            case "DT_QUINT8_REF":
            case 112:
                message.type = 112;
                break;
            case "DT_QINT32_REF":
            case 113:
                message.type = 113;
                break;
            case "DT_BFLOAT16_REF":
            case 114:
                message.type = 114;
                break;
            case "DT_QINT16_REF":
            case 115:
                message.type = 115;
                break;
            case "DT_QUINT16_REF":
            case 116:
                message.type = 116;
                break;
            case "DT_UINT16_REF":
            case 117:
                message.type = 117;
                break;
            case "DT_COMPLEX128_REF":
            case 118:
                message.type = 118;
                break;
            case "DT_HALF_REF":
            case 119:
                message.type = 119;
                break;
            case "DT_RESOURCE_REF":
            case 120:
                message.type = 120;
                break;
            case "DT_VARIANT_REF":
            case 121:
                message.type = 121;
                break;
            case "DT_UINT32_REF":
            case 122:
                message.type = 122;
                break;
            case "DT_UINT64_REF":
            case 123:
                message.type = 123;
                break;
            }
            if (object.shape != null) {
                if (!$util.isObject(object.shape))
                    throw TypeError(".tensorflow.AttrValue.shape: object expected");
                message.shape = $root.tensorflow.TensorShapeProto.fromObject(object.shape, long + 1);
            }
            if (object.tensor != null) {
                if (!$util.isObject(object.tensor))
                    throw TypeError(".tensorflow.AttrValue.tensor: object expected");
                message.tensor = $root.tensorflow.TensorProto.fromObject(object.tensor, long + 1);
            }
            if (object.list != null) {
                if (!$util.isObject(object.list))
                    throw TypeError(".tensorflow.AttrValue.list: object expected");
                message.list = $root.tensorflow.AttrValue.ListValue.fromObject(object.list, long + 1);
            }
            if (object.func != null) {
                if (!$util.isObject(object.func))
                    throw TypeError(".tensorflow.AttrValue.func: object expected");
                message.func = $root.tensorflow.NameAttrList.fromObject(object.func, long + 1);
            }
            if (object.placeholder != null)
                message.placeholder = String(object.placeholder);
            return message;
        };

        /**
         * Creates a plain object from an AttrValue message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.AttrValue
         * @static
         * @param {tensorflow.AttrValue} message AttrValue
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        AttrValue.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (message.list != null && Object.hasOwnProperty.call(message, "list")) {
                object.list = $root.tensorflow.AttrValue.ListValue.toObject(message.list, options, q + 1);
                if (options.oneofs)
                    object.value = "list";
            }
            if (message.s != null && Object.hasOwnProperty.call(message, "s")) {
                object.s = options.bytes === String ? $util.base64.encode(message.s, 0, message.s.length) : options.bytes === Array ? Array.prototype.slice.call(message.s) : message.s;
                if (options.oneofs)
                    object.value = "s";
            }
            if (message.i != null && Object.hasOwnProperty.call(message, "i")) {
                if (typeof BigInt !== "undefined" && options.longs === BigInt)
                    object.i = typeof message.i === "number" ? BigInt(message.i) : $util.Long.fromBits(message.i.low >>> 0, message.i.high >>> 0, false).toBigInt();
                else if (typeof message.i === "number")
                    object.i = options.longs === String ? String(message.i) : message.i;
                else
                    object.i = options.longs === String ? $util.Long.prototype.toString.call(message.i) : options.longs === Number ? new $util.LongBits(message.i.low >>> 0, message.i.high >>> 0).toNumber() : message.i;
                if (options.oneofs)
                    object.value = "i";
            }
            if (message.f != null && Object.hasOwnProperty.call(message, "f")) {
                object.f = options.json && !isFinite(message.f) ? String(message.f) : message.f;
                if (options.oneofs)
                    object.value = "f";
            }
            if (message.b != null && Object.hasOwnProperty.call(message, "b")) {
                object.b = message.b;
                if (options.oneofs)
                    object.value = "b";
            }
            if (message.type != null && Object.hasOwnProperty.call(message, "type")) {
                object.type = options.enums === String ? $root.tensorflow.DataType[message.type] === undefined ? message.type : $root.tensorflow.DataType[message.type] : message.type;
                if (options.oneofs)
                    object.value = "type";
            }
            if (message.shape != null && Object.hasOwnProperty.call(message, "shape")) {
                object.shape = $root.tensorflow.TensorShapeProto.toObject(message.shape, options, q + 1);
                if (options.oneofs)
                    object.value = "shape";
            }
            if (message.tensor != null && Object.hasOwnProperty.call(message, "tensor")) {
                object.tensor = $root.tensorflow.TensorProto.toObject(message.tensor, options, q + 1);
                if (options.oneofs)
                    object.value = "tensor";
            }
            if (message.placeholder != null && Object.hasOwnProperty.call(message, "placeholder")) {
                object.placeholder = message.placeholder;
                if (options.oneofs)
                    object.value = "placeholder";
            }
            if (message.func != null && Object.hasOwnProperty.call(message, "func")) {
                object.func = $root.tensorflow.NameAttrList.toObject(message.func, options, q + 1);
                if (options.oneofs)
                    object.value = "func";
            }
            return object;
        };

        /**
         * Converts this AttrValue to JSON.
         * @function toJSON
         * @memberof tensorflow.AttrValue
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        AttrValue.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        AttrValue.ListValue = (function() {

            /**
             * Properties of a ListValue.
             * @memberof tensorflow.AttrValue
             * @interface IListValue
             * @property {Array.<Uint8Array>|null} [s] ListValue s
             * @property {Array.<number|Long>|null} [i] ListValue i
             * @property {Array.<number>|null} [f] ListValue f
             * @property {Array.<boolean>|null} [b] ListValue b
             * @property {Array.<tensorflow.DataType>|null} [type] ListValue type
             * @property {Array.<tensorflow.ITensorShapeProto>|null} [shape] ListValue shape
             * @property {Array.<tensorflow.ITensorProto>|null} [tensor] ListValue tensor
             * @property {Array.<tensorflow.INameAttrList>|null} [func] ListValue func
             */

            /**
             * Constructs a new ListValue.
             * @memberof tensorflow.AttrValue
             * @classdesc Represents a ListValue.
             * @implements IListValue
             * @constructor
             * @param {tensorflow.AttrValue.IListValue=} [properties] Properties to set
             */
            function ListValue(properties) {
                this.s = [];
                this.i = [];
                this.f = [];
                this.b = [];
                this.type = [];
                this.shape = [];
                this.tensor = [];
                this.func = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListValue s.
             * @member {Array.<Uint8Array>} s
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.s = $util.emptyArray;

            /**
             * ListValue i.
             * @member {Array.<number|Long>} i
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.i = $util.emptyArray;

            /**
             * ListValue f.
             * @member {Array.<number>} f
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.f = $util.emptyArray;

            /**
             * ListValue b.
             * @member {Array.<boolean>} b
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.b = $util.emptyArray;

            /**
             * ListValue type.
             * @member {Array.<tensorflow.DataType>} type
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.type = $util.emptyArray;

            /**
             * ListValue shape.
             * @member {Array.<tensorflow.ITensorShapeProto>} shape
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.shape = $util.emptyArray;

            /**
             * ListValue tensor.
             * @member {Array.<tensorflow.ITensorProto>} tensor
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.tensor = $util.emptyArray;

            /**
             * ListValue func.
             * @member {Array.<tensorflow.INameAttrList>} func
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             */
            ListValue.prototype.func = $util.emptyArray;

            /**
             * Encodes the specified ListValue message. Does not implicitly {@link tensorflow.AttrValue.ListValue.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.AttrValue.ListValue
             * @static
             * @param {tensorflow.AttrValue.IListValue} message ListValue message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListValue.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.s != null && message.s.length)
                    for (let i = 0; i < message.s.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.s[i]);
                if (message.i != null && message.i.length) {
                    writer.uint32(/* id 3, wireType 2 =*/26).fork();
                    for (let i = 0; i < message.i.length; ++i)
                        writer.int64(message.i[i]);
                    writer.ldelim();
                }
                if (message.f != null && message.f.length) {
                    writer.uint32(/* id 4, wireType 2 =*/34).fork();
                    for (let i = 0; i < message.f.length; ++i)
                        writer.float(message.f[i]);
                    writer.ldelim();
                }
                if (message.b != null && message.b.length) {
                    writer.uint32(/* id 5, wireType 2 =*/42).fork();
                    for (let i = 0; i < message.b.length; ++i)
                        writer.bool(message.b[i]);
                    writer.ldelim();
                }
                if (message.type != null && message.type.length) {
                    writer.uint32(/* id 6, wireType 2 =*/50).fork();
                    for (let i = 0; i < message.type.length; ++i)
                        writer.int32(message.type[i]);
                    writer.ldelim();
                }
                if (message.shape != null && message.shape.length)
                    for (let i = 0; i < message.shape.length; ++i)
                        $root.tensorflow.TensorShapeProto.encode(message.shape[i], writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (message.tensor != null && message.tensor.length)
                    for (let i = 0; i < message.tensor.length; ++i)
                        $root.tensorflow.TensorProto.encode(message.tensor[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                if (message.func != null && message.func.length)
                    for (let i = 0; i < message.func.length; ++i)
                        $root.tensorflow.NameAttrList.encode(message.func[i], writer.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ListValue message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.AttrValue.ListValue
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.AttrValue.ListValue} ListValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListValue.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.tensorflow.AttrValue.ListValue();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 2: {
                            if (!(message.s && message.s.length))
                                message.s = [];
                            message.s.push(reader.bytes());
                            break;
                        }
                    case 3: {
                            if (!(message.i && message.i.length))
                                message.i = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.i.push(reader.int64());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.i.push(reader.int64());
                            break;
                        }
                    case 4: {
                            if (!(message.f && message.f.length))
                                message.f = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.f.push(reader.float());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.f.push(reader.float());
                            break;
                        }
                    case 5: {
                            if (!(message.b && message.b.length))
                                message.b = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.b.push(reader.bool());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.b.push(reader.bool());
                            break;
                        }
                    case 6: {
                            if (!(message.type && message.type.length))
                                message.type = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.type.push(reader.int32());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.type.push(reader.int32());
                            break;
                        }
                    case 7: {
                            if (!(message.shape && message.shape.length))
                                message.shape = [];
                            message.shape.push($root.tensorflow.TensorShapeProto.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 8: {
                            if (!(message.tensor && message.tensor.length))
                                message.tensor = [];
                            message.tensor.push($root.tensorflow.TensorProto.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 9: {
                            if (!(message.func && message.func.length))
                                message.func = [];
                            message.func.push($root.tensorflow.NameAttrList.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a ListValue message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorflow.AttrValue.ListValue
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorflow.AttrValue.ListValue} ListValue
             */
            ListValue.fromObject = function fromObject(object, long) {
                if (object instanceof $root.tensorflow.AttrValue.ListValue)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".tensorflow.AttrValue.ListValue: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.tensorflow.AttrValue.ListValue();
                if (object.s) {
                    if (!Array.isArray(object.s))
                        throw TypeError(".tensorflow.AttrValue.ListValue.s: array expected");
                    message.s = [];
                    for (let i = 0; i < object.s.length; ++i)
                        if (typeof object.s[i] === "string")
                            $util.base64.decode(object.s[i], message.s[i] = $util.newBuffer($util.base64.length(object.s[i])), 0);
                        else if (object.s[i].length >= 0)
                            message.s[i] = object.s[i];
                }
                if (object.i) {
                    if (!Array.isArray(object.i))
                        throw TypeError(".tensorflow.AttrValue.ListValue.i: array expected");
                    message.i = [];
                    for (let i = 0; i < object.i.length; ++i)
                        if ($util.Long)
                            message.i[i] = $util.Long.fromValue(object.i[i], false);
                        else if (typeof object.i[i] === "string")
                            message.i[i] = parseInt(object.i[i], 10);
                        else if (typeof object.i[i] === "number")
                            message.i[i] = object.i[i];
                        else if (typeof object.i[i] === "object")
                            message.i[i] = new $util.LongBits(object.i[i].low >>> 0, object.i[i].high >>> 0).toNumber();
                }
                if (object.f) {
                    if (!Array.isArray(object.f))
                        throw TypeError(".tensorflow.AttrValue.ListValue.f: array expected");
                    message.f = [];
                    for (let i = 0; i < object.f.length; ++i)
                        message.f[i] = Number(object.f[i]);
                }
                if (object.b) {
                    if (!Array.isArray(object.b))
                        throw TypeError(".tensorflow.AttrValue.ListValue.b: array expected");
                    message.b = [];
                    for (let i = 0; i < object.b.length; ++i)
                        message.b[i] = Boolean(object.b[i]);
                }
                if (object.type) {
                    if (!Array.isArray(object.type))
                        throw TypeError(".tensorflow.AttrValue.ListValue.type: array expected");
                    message.type = [];
                    for (let i = 0; i < object.type.length; ++i)
                        switch (object.type[i]) {
                        default:
                            if (typeof object.type[i] === "number") {
                                message.type[i] = object.type[i];
                                break;
                            }
                        case "DT_INVALID":
                        case 0:
                            message.type[i] = 0;
                            break;
                        case "DT_FLOAT":
                        case 1:
                            message.type[i] = 1;
                            break;
                        case "DT_DOUBLE":
                        case 2:
                            message.type[i] = 2;
                            break;
                        case "DT_INT32":
                        case 3:
                            message.type[i] = 3;
                            break;
                        case "DT_UINT8":
                        case 4:
                            message.type[i] = 4;
                            break;
                        case "DT_INT16":
                        case 5:
                            message.type[i] = 5;
                            break;
                        case "DT_INT8":
                        case 6:
                            message.type[i] = 6;
                            break;
                        case "DT_STRING":
                        case 7:
                            message.type[i] = 7;
                            break;
                        case "DT_COMPLEX64":
                        case 8:
                            message.type[i] = 8;
                            break;
                        case "DT_INT64":
                        case 9:
                            message.type[i] = 9;
                            break;
                        case "DT_BOOL":
                        case 10:
                            message.type[i] = 10;
                            break;
                        case "DT_QINT8":
                        case 11:
                            message.type[i] = 11;
                            break;
                        case "DT_QUINT8":
                        case 12:
                            message.type[i] = 12;
                            break;
                        case "DT_QINT32":
                        case 13:
                            message.type[i] = 13;
                            break;
                        case "DT_BFLOAT16":
                        case 14:
                            message.type[i] = 14;
                            break;
                        case "DT_QINT16":
                        case 15:
                            message.type[i] = 15;
                            break;
                        case "DT_QUINT16":
                        case 16:
                            message.type[i] = 16;
                            break;
                        case "DT_UINT16":
                        case 17:
                            message.type[i] = 17;
                            break;
                        case "DT_COMPLEX128":
                        case 18:
                            message.type[i] = 18;
                            break;
                        case "DT_HALF":
                        case 19:
                            message.type[i] = 19;
                            break;
                        case "DT_RESOURCE":
                        case 20:
                            message.type[i] = 20;
                            break;
                        case "DT_VARIANT":
                        case 21:
                            message.type[i] = 21;
                            break;
                        case "DT_UINT32":
                        case 22:
                            message.type[i] = 22;
                            break;
                        case "DT_UINT64":
                        case 23:
                            message.type[i] = 23;
                            break;
                        case "DT_FLOAT_REF":
                        case 101:
                            message.type[i] = 101;
                            break;
                        case "DT_DOUBLE_REF":
                        case 102:
                            message.type[i] = 102;
                            break;
                        case "DT_INT32_REF":
                        case 103:
                            message.type[i] = 103;
                            break;
                        case "DT_UINT8_REF":
                        case 104:
                            message.type[i] = 104;
                            break;
                        case "DT_INT16_REF":
                        case 105:
                            message.type[i] = 105;
                            break;
                        case "DT_INT8_REF":
                        case 106:
                            message.type[i] = 106;
                            break;
                        case "DT_STRING_REF":
                        case 107:
                            message.type[i] = 107;
                            break;
                        case "DT_COMPLEX64_REF":
                        case 108:
                            message.type[i] = 108;
                            break;
                        case "DT_INT64_REF":
                        case 109:
                            message.type[i] = 109;
                            break;
                        case "DT_BOOL_REF":
                        case 110:
                            message.type[i] = 110;
                            break;
                        case "DT_QINT8_REF":
                        case 111:
                            message.type[i] = 111;
                            break;
                        case "DT_QUINT8_REF":
                        case 112:
                            message.type[i] = 112;
                            break;
                        case "DT_QINT32_REF":
                        case 113:
                            message.type[i] = 113;
                            break;
                        case "DT_BFLOAT16_REF":
                        case 114:
                            message.type[i] = 114;
                            break;
                        case "DT_QINT16_REF":
                        case 115:
                            message.type[i] = 115;
                            break;
                        case "DT_QUINT16_REF":
                        case 116:
                            message.type[i] = 116;
                            break;
                        case "DT_UINT16_REF":
                        case 117:
                            message.type[i] = 117;
                            break;
                        case "DT_COMPLEX128_REF":
                        case 118:
                            message.type[i] = 118;
                            break;
                        case "DT_HALF_REF":
                        case 119:
                            message.type[i] = 119;
                            break;
                        case "DT_RESOURCE_REF":
                        case 120:
                            message.type[i] = 120;
                            break;
                        case "DT_VARIANT_REF":
                        case 121:
                            message.type[i] = 121;
                            break;
                        case "DT_UINT32_REF":
                        case 122:
                            message.type[i] = 122;
                            break;
                        case "DT_UINT64_REF":
                        case 123:
                            message.type[i] = 123;
                            break;
                        }
                }
                if (object.shape) {
                    if (!Array.isArray(object.shape))
                        throw TypeError(".tensorflow.AttrValue.ListValue.shape: array expected");
                    message.shape = [];
                    for (let i = 0; i < object.shape.length; ++i) {
                        if (!$util.isObject(object.shape[i]))
                            throw TypeError(".tensorflow.AttrValue.ListValue.shape: object expected");
                        message.shape[i] = $root.tensorflow.TensorShapeProto.fromObject(object.shape[i], long + 1);
                    }
                }
                if (object.tensor) {
                    if (!Array.isArray(object.tensor))
                        throw TypeError(".tensorflow.AttrValue.ListValue.tensor: array expected");
                    message.tensor = [];
                    for (let i = 0; i < object.tensor.length; ++i) {
                        if (!$util.isObject(object.tensor[i]))
                            throw TypeError(".tensorflow.AttrValue.ListValue.tensor: object expected");
                        message.tensor[i] = $root.tensorflow.TensorProto.fromObject(object.tensor[i], long + 1);
                    }
                }
                if (object.func) {
                    if (!Array.isArray(object.func))
                        throw TypeError(".tensorflow.AttrValue.ListValue.func: array expected");
                    message.func = [];
                    for (let i = 0; i < object.func.length; ++i) {
                        if (!$util.isObject(object.func[i]))
                            throw TypeError(".tensorflow.AttrValue.ListValue.func: object expected");
                        message.func[i] = $root.tensorflow.NameAttrList.fromObject(object.func[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a ListValue message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorflow.AttrValue.ListValue
             * @static
             * @param {tensorflow.AttrValue.ListValue} message ListValue
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ListValue.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.s = [];
                    object.i = [];
                    object.f = [];
                    object.b = [];
                    object.type = [];
                    object.shape = [];
                    object.tensor = [];
                    object.func = [];
                }
                if (message.s && message.s.length) {
                    object.s = [];
                    for (let j = 0; j < message.s.length; ++j)
                        object.s[j] = options.bytes === String ? $util.base64.encode(message.s[j], 0, message.s[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.s[j]) : message.s[j];
                }
                if (message.i && message.i.length) {
                    object.i = [];
                    for (let j = 0; j < message.i.length; ++j)
                        if (typeof BigInt !== "undefined" && options.longs === BigInt)
                            object.i[j] = typeof message.i[j] === "number" ? BigInt(message.i[j]) : $util.Long.fromBits(message.i[j].low >>> 0, message.i[j].high >>> 0, false).toBigInt();
                        else if (typeof message.i[j] === "number")
                            object.i[j] = options.longs === String ? String(message.i[j]) : message.i[j];
                        else
                            object.i[j] = options.longs === String ? $util.Long.prototype.toString.call(message.i[j]) : options.longs === Number ? new $util.LongBits(message.i[j].low >>> 0, message.i[j].high >>> 0).toNumber() : message.i[j];
                }
                if (message.f && message.f.length) {
                    object.f = [];
                    for (let j = 0; j < message.f.length; ++j)
                        object.f[j] = options.json && !isFinite(message.f[j]) ? String(message.f[j]) : message.f[j];
                }
                if (message.b && message.b.length) {
                    object.b = [];
                    for (let j = 0; j < message.b.length; ++j)
                        object.b[j] = message.b[j];
                }
                if (message.type && message.type.length) {
                    object.type = [];
                    for (let j = 0; j < message.type.length; ++j)
                        object.type[j] = options.enums === String ? $root.tensorflow.DataType[message.type[j]] === undefined ? message.type[j] : $root.tensorflow.DataType[message.type[j]] : message.type[j];
                }
                if (message.shape && message.shape.length) {
                    object.shape = [];
                    for (let j = 0; j < message.shape.length; ++j)
                        object.shape[j] = $root.tensorflow.TensorShapeProto.toObject(message.shape[j], options, q + 1);
                }
                if (message.tensor && message.tensor.length) {
                    object.tensor = [];
                    for (let j = 0; j < message.tensor.length; ++j)
                        object.tensor[j] = $root.tensorflow.TensorProto.toObject(message.tensor[j], options, q + 1);
                }
                if (message.func && message.func.length) {
                    object.func = [];
                    for (let j = 0; j < message.func.length; ++j)
                        object.func[j] = $root.tensorflow.NameAttrList.toObject(message.func[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this ListValue to JSON.
             * @function toJSON
             * @memberof tensorflow.AttrValue.ListValue
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ListValue.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListValue;
        })();

        return AttrValue;
    })();

    tensorflow.NameAttrList = (function() {

        /**
         * Properties of a NameAttrList.
         * @memberof tensorflow
         * @interface INameAttrList
         * @property {string|null} [name] NameAttrList name
         * @property {Object.<string,tensorflow.IAttrValue>|null} [attr] NameAttrList attr
         */

        /**
         * Constructs a new NameAttrList.
         * @memberof tensorflow
         * @classdesc Represents a NameAttrList.
         * @implements INameAttrList
         * @constructor
         * @param {tensorflow.INameAttrList=} [properties] Properties to set
         */
        function NameAttrList(properties) {
            this.attr = {};
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * NameAttrList name.
         * @member {string} name
         * @memberof tensorflow.NameAttrList
         * @instance
         */
        NameAttrList.prototype.name = "";

        /**
         * NameAttrList attr.
         * @member {Object.<string,tensorflow.IAttrValue>} attr
         * @memberof tensorflow.NameAttrList
         * @instance
         */
        NameAttrList.prototype.attr = $util.emptyObject;

        /**
         * Encodes the specified NameAttrList message. Does not implicitly {@link tensorflow.NameAttrList.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.NameAttrList
         * @static
         * @param {tensorflow.INameAttrList} message NameAttrList message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        NameAttrList.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.attr != null && Object.hasOwnProperty.call(message, "attr"))
                for (let keys = Object.keys(message.attr), i = 0; i < keys.length; ++i) {
                    writer.uint32(/* id 2, wireType 2 =*/18).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]);
                    $root.tensorflow.AttrValue.encode(message.attr[keys[i]], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim().ldelim();
                }
            return writer;
        };

        /**
         * Decodes a NameAttrList message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.NameAttrList
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.NameAttrList} NameAttrList
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        NameAttrList.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message, key, value;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.NameAttrList();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        message.name = reader.string();
                        break;
                    }
                case 2: {
                        if (message.attr === $util.emptyObject)
                            message.attr = {};
                        let end2 = reader.uint32() + reader.pos;
                        if (end2 > reader.len)
                            throw RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = null;
                        while (reader.pos < end2) {
                            let tag2 = reader.uint32();
                            switch (tag2 >>> 3) {
                            case 1:
                                key = reader.string();
                                break;
                            case 2:
                                value = $root.tensorflow.AttrValue.decode(reader, reader.uint32(), undefined, long + 1);
                                break;
                            default:
                                reader.skipType(tag2 & 7, long);
                                break;
                            }
                        }
                        if (reader.pos !== end2)
                            throw RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.attr, key);
                        message.attr[key] = value;
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a NameAttrList message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.NameAttrList
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.NameAttrList} NameAttrList
         */
        NameAttrList.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.NameAttrList)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.NameAttrList: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.NameAttrList();
            if (object.name != null)
                message.name = String(object.name);
            if (object.attr) {
                if (!$util.isObject(object.attr))
                    throw TypeError(".tensorflow.NameAttrList.attr: object expected");
                message.attr = {};
                for (let keys = Object.keys(object.attr), i = 0; i < keys.length; ++i) {
                    if (keys[i] === "__proto__")
                        $util.makeProp(message.attr, keys[i]);
                    if (!$util.isObject(object.attr[keys[i]]))
                        throw TypeError(".tensorflow.NameAttrList.attr: object expected");
                    message.attr[keys[i]] = $root.tensorflow.AttrValue.fromObject(object.attr[keys[i]], long + 1);
                }
            }
            return message;
        };

        /**
         * Creates a plain object from a NameAttrList message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.NameAttrList
         * @static
         * @param {tensorflow.NameAttrList} message NameAttrList
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        NameAttrList.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.objects || options.defaults)
                object.attr = {};
            if (options.defaults)
                object.name = "";
            if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                object.name = message.name;
            let keys2;
            if (message.attr && (keys2 = Object.keys(message.attr)).length) {
                object.attr = {};
                for (let j = 0; j < keys2.length; ++j) {
                    if (keys2[j] === "__proto__")
                        $util.makeProp(object.attr, keys2[j]);
                    object.attr[keys2[j]] = $root.tensorflow.AttrValue.toObject(message.attr[keys2[j]], options, q + 1);
                }
            }
            return object;
        };

        /**
         * Converts this NameAttrList to JSON.
         * @function toJSON
         * @memberof tensorflow.NameAttrList
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        NameAttrList.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        return NameAttrList;
    })();

    tensorflow.TensorProto = (function() {

        /**
         * Properties of a TensorProto.
         * @memberof tensorflow
         * @interface ITensorProto
         * @property {tensorflow.DataType|null} [dtype] TensorProto dtype
         * @property {tensorflow.ITensorShapeProto|null} [tensorShape] TensorProto tensorShape
         * @property {number|null} [versionNumber] TensorProto versionNumber
         * @property {Uint8Array|null} [tensorContent] TensorProto tensorContent
         * @property {Array.<number>|null} [halfVal] TensorProto halfVal
         * @property {Array.<number>|null} [floatVal] TensorProto floatVal
         * @property {Array.<number>|null} [doubleVal] TensorProto doubleVal
         * @property {Array.<number>|null} [intVal] TensorProto intVal
         * @property {Array.<Uint8Array>|null} [stringVal] TensorProto stringVal
         * @property {Array.<number>|null} [scomplexVal] TensorProto scomplexVal
         * @property {Array.<number|Long>|null} [int64Val] TensorProto int64Val
         * @property {Array.<boolean>|null} [boolVal] TensorProto boolVal
         * @property {Array.<number>|null} [dcomplexVal] TensorProto dcomplexVal
         * @property {Array.<tensorflow.IResourceHandleProto>|null} [resourceHandleVal] TensorProto resourceHandleVal
         * @property {Array.<tensorflow.IVariantTensorDataProto>|null} [variantVal] TensorProto variantVal
         * @property {Array.<number>|null} [uint32Val] TensorProto uint32Val
         * @property {Array.<number|Long>|null} [uint64Val] TensorProto uint64Val
         */

        /**
         * Constructs a new TensorProto.
         * @memberof tensorflow
         * @classdesc Represents a TensorProto.
         * @implements ITensorProto
         * @constructor
         * @param {tensorflow.ITensorProto=} [properties] Properties to set
         */
        function TensorProto(properties) {
            this.halfVal = [];
            this.floatVal = [];
            this.doubleVal = [];
            this.intVal = [];
            this.stringVal = [];
            this.scomplexVal = [];
            this.int64Val = [];
            this.boolVal = [];
            this.dcomplexVal = [];
            this.resourceHandleVal = [];
            this.variantVal = [];
            this.uint32Val = [];
            this.uint64Val = [];
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * TensorProto dtype.
         * @member {tensorflow.DataType} dtype
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.dtype = 0;

        /**
         * TensorProto tensorShape.
         * @member {tensorflow.ITensorShapeProto|null|undefined} tensorShape
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.tensorShape = null;

        /**
         * TensorProto versionNumber.
         * @member {number} versionNumber
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.versionNumber = 0;

        /**
         * TensorProto tensorContent.
         * @member {Uint8Array} tensorContent
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.tensorContent = $util.newBuffer([]);

        /**
         * TensorProto halfVal.
         * @member {Array.<number>} halfVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.halfVal = $util.emptyArray;

        /**
         * TensorProto floatVal.
         * @member {Array.<number>} floatVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.floatVal = $util.emptyArray;

        /**
         * TensorProto doubleVal.
         * @member {Array.<number>} doubleVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.doubleVal = $util.emptyArray;

        /**
         * TensorProto intVal.
         * @member {Array.<number>} intVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.intVal = $util.emptyArray;

        /**
         * TensorProto stringVal.
         * @member {Array.<Uint8Array>} stringVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.stringVal = $util.emptyArray;

        /**
         * TensorProto scomplexVal.
         * @member {Array.<number>} scomplexVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.scomplexVal = $util.emptyArray;

        /**
         * TensorProto int64Val.
         * @member {Array.<number|Long>} int64Val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.int64Val = $util.emptyArray;

        /**
         * TensorProto boolVal.
         * @member {Array.<boolean>} boolVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.boolVal = $util.emptyArray;

        /**
         * TensorProto dcomplexVal.
         * @member {Array.<number>} dcomplexVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.dcomplexVal = $util.emptyArray;

        /**
         * TensorProto resourceHandleVal.
         * @member {Array.<tensorflow.IResourceHandleProto>} resourceHandleVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.resourceHandleVal = $util.emptyArray;

        /**
         * TensorProto variantVal.
         * @member {Array.<tensorflow.IVariantTensorDataProto>} variantVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.variantVal = $util.emptyArray;

        /**
         * TensorProto uint32Val.
         * @member {Array.<number>} uint32Val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.uint32Val = $util.emptyArray;

        /**
         * TensorProto uint64Val.
         * @member {Array.<number|Long>} uint64Val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.uint64Val = $util.emptyArray;

        /**
         * Encodes the specified TensorProto message. Does not implicitly {@link tensorflow.TensorProto.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.TensorProto
         * @static
         * @param {tensorflow.ITensorProto} message TensorProto message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TensorProto.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.dtype != null && Object.hasOwnProperty.call(message, "dtype"))
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.dtype);
            if (message.tensorShape != null && Object.hasOwnProperty.call(message, "tensorShape"))
                $root.tensorflow.TensorShapeProto.encode(message.tensorShape, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            if (message.versionNumber != null && Object.hasOwnProperty.call(message, "versionNumber"))
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.versionNumber);
            if (message.tensorContent != null && Object.hasOwnProperty.call(message, "tensorContent"))
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.tensorContent);
            if (message.floatVal != null && message.floatVal.length) {
                writer.uint32(/* id 5, wireType 2 =*/42).fork();
                for (let i = 0; i < message.floatVal.length; ++i)
                    writer.float(message.floatVal[i]);
                writer.ldelim();
            }
            if (message.doubleVal != null && message.doubleVal.length) {
                writer.uint32(/* id 6, wireType 2 =*/50).fork();
                for (let i = 0; i < message.doubleVal.length; ++i)
                    writer.double(message.doubleVal[i]);
                writer.ldelim();
            }
            if (message.intVal != null && message.intVal.length) {
                writer.uint32(/* id 7, wireType 2 =*/58).fork();
                for (let i = 0; i < message.intVal.length; ++i)
                    writer.int32(message.intVal[i]);
                writer.ldelim();
            }
            if (message.stringVal != null && message.stringVal.length)
                for (let i = 0; i < message.stringVal.length; ++i)
                    writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.stringVal[i]);
            if (message.scomplexVal != null && message.scomplexVal.length) {
                writer.uint32(/* id 9, wireType 2 =*/74).fork();
                for (let i = 0; i < message.scomplexVal.length; ++i)
                    writer.float(message.scomplexVal[i]);
                writer.ldelim();
            }
            if (message.int64Val != null && message.int64Val.length) {
                writer.uint32(/* id 10, wireType 2 =*/82).fork();
                for (let i = 0; i < message.int64Val.length; ++i)
                    writer.int64(message.int64Val[i]);
                writer.ldelim();
            }
            if (message.boolVal != null && message.boolVal.length) {
                writer.uint32(/* id 11, wireType 2 =*/90).fork();
                for (let i = 0; i < message.boolVal.length; ++i)
                    writer.bool(message.boolVal[i]);
                writer.ldelim();
            }
            if (message.dcomplexVal != null && message.dcomplexVal.length) {
                writer.uint32(/* id 12, wireType 2 =*/98).fork();
                for (let i = 0; i < message.dcomplexVal.length; ++i)
                    writer.double(message.dcomplexVal[i]);
                writer.ldelim();
            }
            if (message.halfVal != null && message.halfVal.length) {
                writer.uint32(/* id 13, wireType 2 =*/106).fork();
                for (let i = 0; i < message.halfVal.length; ++i)
                    writer.int32(message.halfVal[i]);
                writer.ldelim();
            }
            if (message.resourceHandleVal != null && message.resourceHandleVal.length)
                for (let i = 0; i < message.resourceHandleVal.length; ++i)
                    $root.tensorflow.ResourceHandleProto.encode(message.resourceHandleVal[i], writer.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
            if (message.variantVal != null && message.variantVal.length)
                for (let i = 0; i < message.variantVal.length; ++i)
                    $root.tensorflow.VariantTensorDataProto.encode(message.variantVal[i], writer.uint32(/* id 15, wireType 2 =*/122).fork(), q + 1).ldelim();
            if (message.uint32Val != null && message.uint32Val.length) {
                writer.uint32(/* id 16, wireType 2 =*/130).fork();
                for (let i = 0; i < message.uint32Val.length; ++i)
                    writer.uint32(message.uint32Val[i]);
                writer.ldelim();
            }
            if (message.uint64Val != null && message.uint64Val.length) {
                writer.uint32(/* id 17, wireType 2 =*/138).fork();
                for (let i = 0; i < message.uint64Val.length; ++i)
                    writer.uint64(message.uint64Val[i]);
                writer.ldelim();
            }
            return writer;
        };

        /**
         * Decodes a TensorProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.TensorProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.TensorProto} TensorProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorProto.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.TensorProto();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        message.dtype = reader.int32();
                        break;
                    }
                case 2: {
                        message.tensorShape = $root.tensorflow.TensorShapeProto.decode(reader, reader.uint32(), undefined, long + 1);
                        break;
                    }
                case 3: {
                        message.versionNumber = reader.int32();
                        break;
                    }
                case 4: {
                        message.tensorContent = reader.bytes();
                        break;
                    }
                case 13: {
                        if (!(message.halfVal && message.halfVal.length))
                            message.halfVal = [];
                        if ((tag & 7) === 2) {
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            while (reader.pos < end2)
                                message.halfVal.push(reader.int32());
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                        } else
                            message.halfVal.push(reader.int32());
                        break;
                    }
                case 5: {
                        if (!(message.floatVal && message.floatVal.length))
                            message.floatVal = [];
                        if ((tag & 7) === 2) {
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            while (reader.pos < end2)
                                message.floatVal.push(reader.float());
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                        } else
                            message.floatVal.push(reader.float());
                        break;
                    }
                case 6: {
                        if (!(message.doubleVal && message.doubleVal.length))
                            message.doubleVal = [];
                        if ((tag & 7) === 2) {
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            while (reader.pos < end2)
                                message.doubleVal.push(reader.double());
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                        } else
                            message.doubleVal.push(reader.double());
                        break;
                    }
                case 7: {
                        if (!(message.intVal && message.intVal.length))
                            message.intVal = [];
                        if ((tag & 7) === 2) {
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            while (reader.pos < end2)
                                message.intVal.push(reader.int32());
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                        } else
                            message.intVal.push(reader.int32());
                        break;
                    }
                case 8: {
                        if (!(message.stringVal && message.stringVal.length))
                            message.stringVal = [];
                        message.stringVal.push(reader.bytes());
                        break;
                    }
                case 9: {
                        if (!(message.scomplexVal && message.scomplexVal.length))
                            message.scomplexVal = [];
                        if ((tag & 7) === 2) {
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            while (reader.pos < end2)
                                message.scomplexVal.push(reader.float());
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                        } else
                            message.scomplexVal.push(reader.float());
                        break;
                    }
                case 10: {
                        if (!(message.int64Val && message.int64Val.length))
                            message.int64Val = [];
                        if ((tag & 7) === 2) {
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            while (reader.pos < end2)
                                message.int64Val.push(reader.int64());
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                        } else
                            message.int64Val.push(reader.int64());
                        break;
                    }
                case 11: {
                        if (!(message.boolVal && message.boolVal.length))
                            message.boolVal = [];
                        if ((tag & 7) === 2) {
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            while (reader.pos < end2)
                                message.boolVal.push(reader.bool());
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                        } else
                            message.boolVal.push(reader.bool());
                        break;
                    }
                case 12: {
                        if (!(message.dcomplexVal && message.dcomplexVal.length))
                            message.dcomplexVal = [];
                        if ((tag & 7) === 2) {
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            while (reader.pos < end2)
                                message.dcomplexVal.push(reader.double());
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                        } else
                            message.dcomplexVal.push(reader.double());
                        break;
                    }
                case 14: {
                        if (!(message.resourceHandleVal && message.resourceHandleVal.length))
                            message.resourceHandleVal = [];
                        message.resourceHandleVal.push($root.tensorflow.ResourceHandleProto.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                case 15: {
                        if (!(message.variantVal && message.variantVal.length))
                            message.variantVal = [];
                        message.variantVal.push($root.tensorflow.VariantTensorDataProto.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                case 16: {
                        if (!(message.uint32Val && message.uint32Val.length))
                            message.uint32Val = [];
                        if ((tag & 7) === 2) {
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            while (reader.pos < end2)
                                message.uint32Val.push(reader.uint32());
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                        } else
                            message.uint32Val.push(reader.uint32());
                        break;
                    }
                case 17: {
                        if (!(message.uint64Val && message.uint64Val.length))
                            message.uint64Val = [];
                        if ((tag & 7) === 2) {
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            while (reader.pos < end2)
                                message.uint64Val.push(reader.uint64());
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                        } else
                            message.uint64Val.push(reader.uint64());
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a TensorProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.TensorProto
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.TensorProto} TensorProto
         */
        TensorProto.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.TensorProto)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.TensorProto: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.TensorProto();
            switch (object.dtype) {
            default:
                if (typeof object.dtype === "number") {
                    message.dtype = object.dtype;
                    break;
                }
                break;
            case "DT_INVALID":
            case 0:
                message.dtype = 0;
                break;
            case "DT_FLOAT":
            case 1:
                message.dtype = 1;
                break;
            case "DT_DOUBLE":
            case 2:
                message.dtype = 2;
                break;
            case "DT_INT32":
            case 3:
                message.dtype = 3;
                break;
            case "DT_UINT8":
            case 4:
                message.dtype = 4;
                break;
            case "DT_INT16":
            case 5:
                message.dtype = 5;
                break;
            case "DT_INT8":
            case 6:
                message.dtype = 6;
                break;
            case "DT_STRING":
            case 7:
                message.dtype = 7;
                break;
            case "DT_COMPLEX64":
            case 8:
                message.dtype = 8;
                break;
            case "DT_INT64":
            case 9:
                message.dtype = 9;
                break;
            case "DT_BOOL":
            case 10:
                message.dtype = 10;
                break;
            case "DT_QINT8":
            case 11:
                message.dtype = 11;
                break;
            case "DT_QUINT8":
            case 12:
                message.dtype = 12;
                break;
            case "DT_QINT32":
            case 13:
                message.dtype = 13;
                break;
            case "DT_BFLOAT16":
            case 14:
                message.dtype = 14;
                break;
            case "DT_QINT16":
            case 15:
                message.dtype = 15;
                break;
            case "DT_QUINT16":
            case 16:
                message.dtype = 16;
                break;
            case "DT_UINT16":
            case 17:
                message.dtype = 17;
                break;
            case "DT_COMPLEX128":
            case 18:
                message.dtype = 18;
                break;
            case "DT_HALF":
            case 19:
                message.dtype = 19;
                break;
            case "DT_RESOURCE":
            case 20:
                message.dtype = 20;
                break;
            case "DT_VARIANT":
            case 21:
                message.dtype = 21;
                break;
            case "DT_UINT32":
            case 22:
                message.dtype = 22;
                break;
            case "DT_UINT64":
            case 23:
                message.dtype = 23;
                break;
            case "DT_FLOAT_REF":
            case 101:
                message.dtype = 101;
                break;
            case "DT_DOUBLE_REF":
            case 102:
                message.dtype = 102;
                break;
            case "DT_INT32_REF":
            case 103:
                message.dtype = 103;
                break;
            case "DT_UINT8_REF":
            case 104:
                message.dtype = 104;
                break;
            case "DT_INT16_REF":
            case 105:
                message.dtype = 105;
                break;
            case "DT_INT8_REF":
            case 106:
                message.dtype = 106;
                break;
            case "DT_STRING_REF":
            case 107:
                message.dtype = 107;
                break;
            case "DT_COMPLEX64_REF":
            case 108:
                message.dtype = 108;
                break;
            case "DT_INT64_REF":
            case 109:
                message.dtype = 109;
                break;
            case "DT_BOOL_REF":
            case 110:
                message.dtype = 110;
                break;
            case "DT_QINT8_REF":
            case 111:
                message.dtype = 111;
                break;
            case "DT_QUINT8_REF":
            case 112:
                message.dtype = 112;
                break;
            case "DT_QINT32_REF":
            case 113:
                message.dtype = 113;
                break;
            case "DT_BFLOAT16_REF":
            case 114:
                message.dtype = 114;
                break;
            case "DT_QINT16_REF":
            case 115:
                message.dtype = 115;
                break;
            case "DT_QUINT16_REF":
            case 116:
                message.dtype = 116;
                break;
            case "DT_UINT16_REF":
            case 117:
                message.dtype = 117;
                break;
            case "DT_COMPLEX128_REF":
            case 118:
                message.dtype = 118;
                break;
            case "DT_HALF_REF":
            case 119:
                message.dtype = 119;
                break;
            case "DT_RESOURCE_REF":
            case 120:
                message.dtype = 120;
                break;
            case "DT_VARIANT_REF":
            case 121:
                message.dtype = 121;
                break;
            case "DT_UINT32_REF":
            case 122:
                message.dtype = 122;
                break;
            case "DT_UINT64_REF":
            case 123:
                message.dtype = 123;
                break;
            }
            if (object.tensorShape != null) {
                if (!$util.isObject(object.tensorShape))
                    throw TypeError(".tensorflow.TensorProto.tensorShape: object expected");
                message.tensorShape = $root.tensorflow.TensorShapeProto.fromObject(object.tensorShape, long + 1);
            }
            if (object.versionNumber != null)
                message.versionNumber = object.versionNumber | 0;
            if (object.tensorContent != null)
                if (typeof object.tensorContent === "string")
                    $util.base64.decode(object.tensorContent, message.tensorContent = $util.newBuffer($util.base64.length(object.tensorContent)), 0);
                else if (object.tensorContent.length >= 0)
                    message.tensorContent = object.tensorContent;
            if (object.halfVal) {
                if (!Array.isArray(object.halfVal))
                    throw TypeError(".tensorflow.TensorProto.halfVal: array expected");
                message.halfVal = [];
                for (let i = 0; i < object.halfVal.length; ++i)
                    message.halfVal[i] = object.halfVal[i] | 0;
            }
            if (object.floatVal) {
                if (!Array.isArray(object.floatVal))
                    throw TypeError(".tensorflow.TensorProto.floatVal: array expected");
                message.floatVal = [];
                for (let i = 0; i < object.floatVal.length; ++i)
                    message.floatVal[i] = Number(object.floatVal[i]);
            }
            if (object.doubleVal) {
                if (!Array.isArray(object.doubleVal))
                    throw TypeError(".tensorflow.TensorProto.doubleVal: array expected");
                message.doubleVal = [];
                for (let i = 0; i < object.doubleVal.length; ++i)
                    message.doubleVal[i] = Number(object.doubleVal[i]);
            }
            if (object.intVal) {
                if (!Array.isArray(object.intVal))
                    throw TypeError(".tensorflow.TensorProto.intVal: array expected");
                message.intVal = [];
                for (let i = 0; i < object.intVal.length; ++i)
                    message.intVal[i] = object.intVal[i] | 0;
            }
            if (object.stringVal) {
                if (!Array.isArray(object.stringVal))
                    throw TypeError(".tensorflow.TensorProto.stringVal: array expected");
                message.stringVal = [];
                for (let i = 0; i < object.stringVal.length; ++i)
                    if (typeof object.stringVal[i] === "string")
                        $util.base64.decode(object.stringVal[i], message.stringVal[i] = $util.newBuffer($util.base64.length(object.stringVal[i])), 0);
                    else if (object.stringVal[i].length >= 0)
                        message.stringVal[i] = object.stringVal[i];
            }
            if (object.scomplexVal) {
                if (!Array.isArray(object.scomplexVal))
                    throw TypeError(".tensorflow.TensorProto.scomplexVal: array expected");
                message.scomplexVal = [];
                for (let i = 0; i < object.scomplexVal.length; ++i)
                    message.scomplexVal[i] = Number(object.scomplexVal[i]);
            }
            if (object.int64Val) {
                if (!Array.isArray(object.int64Val))
                    throw TypeError(".tensorflow.TensorProto.int64Val: array expected");
                message.int64Val = [];
                for (let i = 0; i < object.int64Val.length; ++i)
                    if ($util.Long)
                        message.int64Val[i] = $util.Long.fromValue(object.int64Val[i], false);
                    else if (typeof object.int64Val[i] === "string")
                        message.int64Val[i] = parseInt(object.int64Val[i], 10);
                    else if (typeof object.int64Val[i] === "number")
                        message.int64Val[i] = object.int64Val[i];
                    else if (typeof object.int64Val[i] === "object")
                        message.int64Val[i] = new $util.LongBits(object.int64Val[i].low >>> 0, object.int64Val[i].high >>> 0).toNumber();
            }
            if (object.boolVal) {
                if (!Array.isArray(object.boolVal))
                    throw TypeError(".tensorflow.TensorProto.boolVal: array expected");
                message.boolVal = [];
                for (let i = 0; i < object.boolVal.length; ++i)
                    message.boolVal[i] = Boolean(object.boolVal[i]);
            }
            if (object.dcomplexVal) {
                if (!Array.isArray(object.dcomplexVal))
                    throw TypeError(".tensorflow.TensorProto.dcomplexVal: array expected");
                message.dcomplexVal = [];
                for (let i = 0; i < object.dcomplexVal.length; ++i)
                    message.dcomplexVal[i] = Number(object.dcomplexVal[i]);
            }
            if (object.resourceHandleVal) {
                if (!Array.isArray(object.resourceHandleVal))
                    throw TypeError(".tensorflow.TensorProto.resourceHandleVal: array expected");
                message.resourceHandleVal = [];
                for (let i = 0; i < object.resourceHandleVal.length; ++i) {
                    if (!$util.isObject(object.resourceHandleVal[i]))
                        throw TypeError(".tensorflow.TensorProto.resourceHandleVal: object expected");
                    message.resourceHandleVal[i] = $root.tensorflow.ResourceHandleProto.fromObject(object.resourceHandleVal[i], long + 1);
                }
            }
            if (object.variantVal) {
                if (!Array.isArray(object.variantVal))
                    throw TypeError(".tensorflow.TensorProto.variantVal: array expected");
                message.variantVal = [];
                for (let i = 0; i < object.variantVal.length; ++i) {
                    if (!$util.isObject(object.variantVal[i]))
                        throw TypeError(".tensorflow.TensorProto.variantVal: object expected");
                    message.variantVal[i] = $root.tensorflow.VariantTensorDataProto.fromObject(object.variantVal[i], long + 1);
                }
            }
            if (object.uint32Val) {
                if (!Array.isArray(object.uint32Val))
                    throw TypeError(".tensorflow.TensorProto.uint32Val: array expected");
                message.uint32Val = [];
                for (let i = 0; i < object.uint32Val.length; ++i)
                    message.uint32Val[i] = object.uint32Val[i] >>> 0;
            }
            if (object.uint64Val) {
                if (!Array.isArray(object.uint64Val))
                    throw TypeError(".tensorflow.TensorProto.uint64Val: array expected");
                message.uint64Val = [];
                for (let i = 0; i < object.uint64Val.length; ++i)
                    if ($util.Long)
                        message.uint64Val[i] = $util.Long.fromValue(object.uint64Val[i], true);
                    else if (typeof object.uint64Val[i] === "string")
                        message.uint64Val[i] = parseInt(object.uint64Val[i], 10);
                    else if (typeof object.uint64Val[i] === "number")
                        message.uint64Val[i] = object.uint64Val[i];
                    else if (typeof object.uint64Val[i] === "object")
                        message.uint64Val[i] = new $util.LongBits(object.uint64Val[i].low >>> 0, object.uint64Val[i].high >>> 0).toNumber(true);
            }
            return message;
        };

        /**
         * Creates a plain object from a TensorProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.TensorProto
         * @static
         * @param {tensorflow.TensorProto} message TensorProto
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TensorProto.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults) {
                object.floatVal = [];
                object.doubleVal = [];
                object.intVal = [];
                object.stringVal = [];
                object.scomplexVal = [];
                object.int64Val = [];
                object.boolVal = [];
                object.dcomplexVal = [];
                object.halfVal = [];
                object.resourceHandleVal = [];
                object.variantVal = [];
                object.uint32Val = [];
                object.uint64Val = [];
            }
            if (options.defaults) {
                object.dtype = options.enums === String ? "DT_INVALID" : 0;
                object.tensorShape = null;
                object.versionNumber = 0;
                if (options.bytes === String)
                    object.tensorContent = "";
                else {
                    object.tensorContent = [];
                    if (options.bytes !== Array)
                        object.tensorContent = $util.newBuffer(object.tensorContent);
                }
            }
            if (message.dtype != null && Object.hasOwnProperty.call(message, "dtype"))
                object.dtype = options.enums === String ? $root.tensorflow.DataType[message.dtype] === undefined ? message.dtype : $root.tensorflow.DataType[message.dtype] : message.dtype;
            if (message.tensorShape != null && Object.hasOwnProperty.call(message, "tensorShape"))
                object.tensorShape = $root.tensorflow.TensorShapeProto.toObject(message.tensorShape, options, q + 1);
            if (message.versionNumber != null && Object.hasOwnProperty.call(message, "versionNumber"))
                object.versionNumber = message.versionNumber;
            if (message.tensorContent != null && Object.hasOwnProperty.call(message, "tensorContent"))
                object.tensorContent = options.bytes === String ? $util.base64.encode(message.tensorContent, 0, message.tensorContent.length) : options.bytes === Array ? Array.prototype.slice.call(message.tensorContent) : message.tensorContent;
            if (message.floatVal && message.floatVal.length) {
                object.floatVal = [];
                for (let j = 0; j < message.floatVal.length; ++j)
                    object.floatVal[j] = options.json && !isFinite(message.floatVal[j]) ? String(message.floatVal[j]) : message.floatVal[j];
            }
            if (message.doubleVal && message.doubleVal.length) {
                object.doubleVal = [];
                for (let j = 0; j < message.doubleVal.length; ++j)
                    object.doubleVal[j] = options.json && !isFinite(message.doubleVal[j]) ? String(message.doubleVal[j]) : message.doubleVal[j];
            }
            if (message.intVal && message.intVal.length) {
                object.intVal = [];
                for (let j = 0; j < message.intVal.length; ++j)
                    object.intVal[j] = message.intVal[j];
            }
            if (message.stringVal && message.stringVal.length) {
                object.stringVal = [];
                for (let j = 0; j < message.stringVal.length; ++j)
                    object.stringVal[j] = options.bytes === String ? $util.base64.encode(message.stringVal[j], 0, message.stringVal[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.stringVal[j]) : message.stringVal[j];
            }
            if (message.scomplexVal && message.scomplexVal.length) {
                object.scomplexVal = [];
                for (let j = 0; j < message.scomplexVal.length; ++j)
                    object.scomplexVal[j] = options.json && !isFinite(message.scomplexVal[j]) ? String(message.scomplexVal[j]) : message.scomplexVal[j];
            }
            if (message.int64Val && message.int64Val.length) {
                object.int64Val = [];
                for (let j = 0; j < message.int64Val.length; ++j)
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.int64Val[j] = typeof message.int64Val[j] === "number" ? BigInt(message.int64Val[j]) : $util.Long.fromBits(message.int64Val[j].low >>> 0, message.int64Val[j].high >>> 0, false).toBigInt();
                    else if (typeof message.int64Val[j] === "number")
                        object.int64Val[j] = options.longs === String ? String(message.int64Val[j]) : message.int64Val[j];
                    else
                        object.int64Val[j] = options.longs === String ? $util.Long.prototype.toString.call(message.int64Val[j]) : options.longs === Number ? new $util.LongBits(message.int64Val[j].low >>> 0, message.int64Val[j].high >>> 0).toNumber() : message.int64Val[j];
            }
            if (message.boolVal && message.boolVal.length) {
                object.boolVal = [];
                for (let j = 0; j < message.boolVal.length; ++j)
                    object.boolVal[j] = message.boolVal[j];
            }
            if (message.dcomplexVal && message.dcomplexVal.length) {
                object.dcomplexVal = [];
                for (let j = 0; j < message.dcomplexVal.length; ++j)
                    object.dcomplexVal[j] = options.json && !isFinite(message.dcomplexVal[j]) ? String(message.dcomplexVal[j]) : message.dcomplexVal[j];
            }
            if (message.halfVal && message.halfVal.length) {
                object.halfVal = [];
                for (let j = 0; j < message.halfVal.length; ++j)
                    object.halfVal[j] = message.halfVal[j];
            }
            if (message.resourceHandleVal && message.resourceHandleVal.length) {
                object.resourceHandleVal = [];
                for (let j = 0; j < message.resourceHandleVal.length; ++j)
                    object.resourceHandleVal[j] = $root.tensorflow.ResourceHandleProto.toObject(message.resourceHandleVal[j], options, q + 1);
            }
            if (message.variantVal && message.variantVal.length) {
                object.variantVal = [];
                for (let j = 0; j < message.variantVal.length; ++j)
                    object.variantVal[j] = $root.tensorflow.VariantTensorDataProto.toObject(message.variantVal[j], options, q + 1);
            }
            if (message.uint32Val && message.uint32Val.length) {
                object.uint32Val = [];
                for (let j = 0; j < message.uint32Val.length; ++j)
                    object.uint32Val[j] = message.uint32Val[j];
            }
            if (message.uint64Val && message.uint64Val.length) {
                object.uint64Val = [];
                for (let j = 0; j < message.uint64Val.length; ++j)
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.uint64Val[j] = typeof message.uint64Val[j] === "number" ? BigInt(message.uint64Val[j]) : $util.Long.fromBits(message.uint64Val[j].low >>> 0, message.uint64Val[j].high >>> 0, true).toBigInt();
                    else if (typeof message.uint64Val[j] === "number")
                        object.uint64Val[j] = options.longs === String ? String(message.uint64Val[j]) : message.uint64Val[j];
                    else
                        object.uint64Val[j] = options.longs === String ? $util.Long.prototype.toString.call(message.uint64Val[j]) : options.longs === Number ? new $util.LongBits(message.uint64Val[j].low >>> 0, message.uint64Val[j].high >>> 0).toNumber(true) : message.uint64Val[j];
            }
            return object;
        };

        /**
         * Converts this TensorProto to JSON.
         * @function toJSON
         * @memberof tensorflow.TensorProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TensorProto.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        return TensorProto;
    })();

    tensorflow.VariantTensorDataProto = (function() {

        /**
         * Properties of a VariantTensorDataProto.
         * @memberof tensorflow
         * @interface IVariantTensorDataProto
         * @property {string|null} [typeName] VariantTensorDataProto typeName
         * @property {Uint8Array|null} [metadata] VariantTensorDataProto metadata
         * @property {Array.<tensorflow.ITensorProto>|null} [tensors] VariantTensorDataProto tensors
         */

        /**
         * Constructs a new VariantTensorDataProto.
         * @memberof tensorflow
         * @classdesc Represents a VariantTensorDataProto.
         * @implements IVariantTensorDataProto
         * @constructor
         * @param {tensorflow.IVariantTensorDataProto=} [properties] Properties to set
         */
        function VariantTensorDataProto(properties) {
            this.tensors = [];
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * VariantTensorDataProto typeName.
         * @member {string} typeName
         * @memberof tensorflow.VariantTensorDataProto
         * @instance
         */
        VariantTensorDataProto.prototype.typeName = "";

        /**
         * VariantTensorDataProto metadata.
         * @member {Uint8Array} metadata
         * @memberof tensorflow.VariantTensorDataProto
         * @instance
         */
        VariantTensorDataProto.prototype.metadata = $util.newBuffer([]);

        /**
         * VariantTensorDataProto tensors.
         * @member {Array.<tensorflow.ITensorProto>} tensors
         * @memberof tensorflow.VariantTensorDataProto
         * @instance
         */
        VariantTensorDataProto.prototype.tensors = $util.emptyArray;

        /**
         * Encodes the specified VariantTensorDataProto message. Does not implicitly {@link tensorflow.VariantTensorDataProto.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.VariantTensorDataProto
         * @static
         * @param {tensorflow.IVariantTensorDataProto} message VariantTensorDataProto message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VariantTensorDataProto.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.typeName != null && Object.hasOwnProperty.call(message, "typeName"))
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.typeName);
            if (message.metadata != null && Object.hasOwnProperty.call(message, "metadata"))
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.metadata);
            if (message.tensors != null && message.tensors.length)
                for (let i = 0; i < message.tensors.length; ++i)
                    $root.tensorflow.TensorProto.encode(message.tensors[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
            return writer;
        };

        /**
         * Decodes a VariantTensorDataProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.VariantTensorDataProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.VariantTensorDataProto} VariantTensorDataProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VariantTensorDataProto.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.VariantTensorDataProto();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        message.typeName = reader.string();
                        break;
                    }
                case 2: {
                        message.metadata = reader.bytes();
                        break;
                    }
                case 3: {
                        if (!(message.tensors && message.tensors.length))
                            message.tensors = [];
                        message.tensors.push($root.tensorflow.TensorProto.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a VariantTensorDataProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.VariantTensorDataProto
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.VariantTensorDataProto} VariantTensorDataProto
         */
        VariantTensorDataProto.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.VariantTensorDataProto)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.VariantTensorDataProto: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.VariantTensorDataProto();
            if (object.typeName != null)
                message.typeName = String(object.typeName);
            if (object.metadata != null)
                if (typeof object.metadata === "string")
                    $util.base64.decode(object.metadata, message.metadata = $util.newBuffer($util.base64.length(object.metadata)), 0);
                else if (object.metadata.length >= 0)
                    message.metadata = object.metadata;
            if (object.tensors) {
                if (!Array.isArray(object.tensors))
                    throw TypeError(".tensorflow.VariantTensorDataProto.tensors: array expected");
                message.tensors = [];
                for (let i = 0; i < object.tensors.length; ++i) {
                    if (!$util.isObject(object.tensors[i]))
                        throw TypeError(".tensorflow.VariantTensorDataProto.tensors: object expected");
                    message.tensors[i] = $root.tensorflow.TensorProto.fromObject(object.tensors[i], long + 1);
                }
            }
            return message;
        };

        /**
         * Creates a plain object from a VariantTensorDataProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.VariantTensorDataProto
         * @static
         * @param {tensorflow.VariantTensorDataProto} message VariantTensorDataProto
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        VariantTensorDataProto.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.tensors = [];
            if (options.defaults) {
                object.typeName = "";
                if (options.bytes === String)
                    object.metadata = "";
                else {
                    object.metadata = [];
                    if (options.bytes !== Array)
                        object.metadata = $util.newBuffer(object.metadata);
                }
            }
            if (message.typeName != null && Object.hasOwnProperty.call(message, "typeName"))
                object.typeName = message.typeName;
            if (message.metadata != null && Object.hasOwnProperty.call(message, "metadata"))
                object.metadata = options.bytes === String ? $util.base64.encode(message.metadata, 0, message.metadata.length) : options.bytes === Array ? Array.prototype.slice.call(message.metadata) : message.metadata;
            if (message.tensors && message.tensors.length) {
                object.tensors = [];
                for (let j = 0; j < message.tensors.length; ++j)
                    object.tensors[j] = $root.tensorflow.TensorProto.toObject(message.tensors[j], options, q + 1);
            }
            return object;
        };

        /**
         * Converts this VariantTensorDataProto to JSON.
         * @function toJSON
         * @memberof tensorflow.VariantTensorDataProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        VariantTensorDataProto.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        return VariantTensorDataProto;
    })();

    tensorflow.ResourceHandleProto = (function() {

        /**
         * Properties of a ResourceHandleProto.
         * @memberof tensorflow
         * @interface IResourceHandleProto
         * @property {string|null} [device] ResourceHandleProto device
         * @property {string|null} [container] ResourceHandleProto container
         * @property {string|null} [name] ResourceHandleProto name
         * @property {number|Long|null} [hashCode] ResourceHandleProto hashCode
         * @property {string|null} [maybeTypeName] ResourceHandleProto maybeTypeName
         * @property {Array.<tensorflow.ResourceHandleProto.IDtypeAndShape>|null} [dtypesAndShapes] ResourceHandleProto dtypesAndShapes
         */

        /**
         * Constructs a new ResourceHandleProto.
         * @memberof tensorflow
         * @classdesc Represents a ResourceHandleProto.
         * @implements IResourceHandleProto
         * @constructor
         * @param {tensorflow.IResourceHandleProto=} [properties] Properties to set
         */
        function ResourceHandleProto(properties) {
            this.dtypesAndShapes = [];
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * ResourceHandleProto device.
         * @member {string} device
         * @memberof tensorflow.ResourceHandleProto
         * @instance
         */
        ResourceHandleProto.prototype.device = "";

        /**
         * ResourceHandleProto container.
         * @member {string} container
         * @memberof tensorflow.ResourceHandleProto
         * @instance
         */
        ResourceHandleProto.prototype.container = "";

        /**
         * ResourceHandleProto name.
         * @member {string} name
         * @memberof tensorflow.ResourceHandleProto
         * @instance
         */
        ResourceHandleProto.prototype.name = "";

        /**
         * ResourceHandleProto hashCode.
         * @member {number|Long} hashCode
         * @memberof tensorflow.ResourceHandleProto
         * @instance
         */
        ResourceHandleProto.prototype.hashCode = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ResourceHandleProto maybeTypeName.
         * @member {string} maybeTypeName
         * @memberof tensorflow.ResourceHandleProto
         * @instance
         */
        ResourceHandleProto.prototype.maybeTypeName = "";

        /**
         * ResourceHandleProto dtypesAndShapes.
         * @member {Array.<tensorflow.ResourceHandleProto.IDtypeAndShape>} dtypesAndShapes
         * @memberof tensorflow.ResourceHandleProto
         * @instance
         */
        ResourceHandleProto.prototype.dtypesAndShapes = $util.emptyArray;

        /**
         * Encodes the specified ResourceHandleProto message. Does not implicitly {@link tensorflow.ResourceHandleProto.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.ResourceHandleProto
         * @static
         * @param {tensorflow.IResourceHandleProto} message ResourceHandleProto message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ResourceHandleProto.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.device != null && Object.hasOwnProperty.call(message, "device"))
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.device);
            if (message.container != null && Object.hasOwnProperty.call(message, "container"))
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.container);
            if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.name);
            if (message.hashCode != null && Object.hasOwnProperty.call(message, "hashCode"))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.hashCode);
            if (message.maybeTypeName != null && Object.hasOwnProperty.call(message, "maybeTypeName"))
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.maybeTypeName);
            if (message.dtypesAndShapes != null && message.dtypesAndShapes.length)
                for (let i = 0; i < message.dtypesAndShapes.length; ++i)
                    $root.tensorflow.ResourceHandleProto.DtypeAndShape.encode(message.dtypesAndShapes[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
            return writer;
        };

        /**
         * Decodes a ResourceHandleProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.ResourceHandleProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.ResourceHandleProto} ResourceHandleProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ResourceHandleProto.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.ResourceHandleProto();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        message.device = reader.string();
                        break;
                    }
                case 2: {
                        message.container = reader.string();
                        break;
                    }
                case 3: {
                        message.name = reader.string();
                        break;
                    }
                case 4: {
                        message.hashCode = reader.uint64();
                        break;
                    }
                case 5: {
                        message.maybeTypeName = reader.string();
                        break;
                    }
                case 6: {
                        if (!(message.dtypesAndShapes && message.dtypesAndShapes.length))
                            message.dtypesAndShapes = [];
                        message.dtypesAndShapes.push($root.tensorflow.ResourceHandleProto.DtypeAndShape.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a ResourceHandleProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.ResourceHandleProto
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.ResourceHandleProto} ResourceHandleProto
         */
        ResourceHandleProto.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.ResourceHandleProto)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.ResourceHandleProto: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.ResourceHandleProto();
            if (object.device != null)
                message.device = String(object.device);
            if (object.container != null)
                message.container = String(object.container);
            if (object.name != null)
                message.name = String(object.name);
            if (object.hashCode != null)
                if ($util.Long)
                    message.hashCode = $util.Long.fromValue(object.hashCode, true);
                else if (typeof object.hashCode === "string")
                    message.hashCode = parseInt(object.hashCode, 10);
                else if (typeof object.hashCode === "number")
                    message.hashCode = object.hashCode;
                else if (typeof object.hashCode === "object")
                    message.hashCode = new $util.LongBits(object.hashCode.low >>> 0, object.hashCode.high >>> 0).toNumber(true);
            if (object.maybeTypeName != null)
                message.maybeTypeName = String(object.maybeTypeName);
            if (object.dtypesAndShapes) {
                if (!Array.isArray(object.dtypesAndShapes))
                    throw TypeError(".tensorflow.ResourceHandleProto.dtypesAndShapes: array expected");
                message.dtypesAndShapes = [];
                for (let i = 0; i < object.dtypesAndShapes.length; ++i) {
                    if (!$util.isObject(object.dtypesAndShapes[i]))
                        throw TypeError(".tensorflow.ResourceHandleProto.dtypesAndShapes: object expected");
                    message.dtypesAndShapes[i] = $root.tensorflow.ResourceHandleProto.DtypeAndShape.fromObject(object.dtypesAndShapes[i], long + 1);
                }
            }
            return message;
        };

        /**
         * Creates a plain object from a ResourceHandleProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.ResourceHandleProto
         * @static
         * @param {tensorflow.ResourceHandleProto} message ResourceHandleProto
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ResourceHandleProto.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.dtypesAndShapes = [];
            if (options.defaults) {
                object.device = "";
                object.container = "";
                object.name = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.hashCode = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                } else
                    object.hashCode = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                object.maybeTypeName = "";
            }
            if (message.device != null && Object.hasOwnProperty.call(message, "device"))
                object.device = message.device;
            if (message.container != null && Object.hasOwnProperty.call(message, "container"))
                object.container = message.container;
            if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                object.name = message.name;
            if (message.hashCode != null && Object.hasOwnProperty.call(message, "hashCode"))
                if (typeof BigInt !== "undefined" && options.longs === BigInt)
                    object.hashCode = typeof message.hashCode === "number" ? BigInt(message.hashCode) : $util.Long.fromBits(message.hashCode.low >>> 0, message.hashCode.high >>> 0, true).toBigInt();
                else if (typeof message.hashCode === "number")
                    object.hashCode = options.longs === String ? String(message.hashCode) : message.hashCode;
                else
                    object.hashCode = options.longs === String ? $util.Long.prototype.toString.call(message.hashCode) : options.longs === Number ? new $util.LongBits(message.hashCode.low >>> 0, message.hashCode.high >>> 0).toNumber(true) : message.hashCode;
            if (message.maybeTypeName != null && Object.hasOwnProperty.call(message, "maybeTypeName"))
                object.maybeTypeName = message.maybeTypeName;
            if (message.dtypesAndShapes && message.dtypesAndShapes.length) {
                object.dtypesAndShapes = [];
                for (let j = 0; j < message.dtypesAndShapes.length; ++j)
                    object.dtypesAndShapes[j] = $root.tensorflow.ResourceHandleProto.DtypeAndShape.toObject(message.dtypesAndShapes[j], options, q + 1);
            }
            return object;
        };

        /**
         * Converts this ResourceHandleProto to JSON.
         * @function toJSON
         * @memberof tensorflow.ResourceHandleProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ResourceHandleProto.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        ResourceHandleProto.DtypeAndShape = (function() {

            /**
             * Properties of a DtypeAndShape.
             * @memberof tensorflow.ResourceHandleProto
             * @interface IDtypeAndShape
             * @property {tensorflow.DataType|null} [dtype] DtypeAndShape dtype
             * @property {tensorflow.ITensorShapeProto|null} [shape] DtypeAndShape shape
             */

            /**
             * Constructs a new DtypeAndShape.
             * @memberof tensorflow.ResourceHandleProto
             * @classdesc Represents a DtypeAndShape.
             * @implements IDtypeAndShape
             * @constructor
             * @param {tensorflow.ResourceHandleProto.IDtypeAndShape=} [properties] Properties to set
             */
            function DtypeAndShape(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * DtypeAndShape dtype.
             * @member {tensorflow.DataType} dtype
             * @memberof tensorflow.ResourceHandleProto.DtypeAndShape
             * @instance
             */
            DtypeAndShape.prototype.dtype = 0;

            /**
             * DtypeAndShape shape.
             * @member {tensorflow.ITensorShapeProto|null|undefined} shape
             * @memberof tensorflow.ResourceHandleProto.DtypeAndShape
             * @instance
             */
            DtypeAndShape.prototype.shape = null;

            /**
             * Encodes the specified DtypeAndShape message. Does not implicitly {@link tensorflow.ResourceHandleProto.DtypeAndShape.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.ResourceHandleProto.DtypeAndShape
             * @static
             * @param {tensorflow.ResourceHandleProto.IDtypeAndShape} message DtypeAndShape message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DtypeAndShape.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.dtype != null && Object.hasOwnProperty.call(message, "dtype"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.dtype);
                if (message.shape != null && Object.hasOwnProperty.call(message, "shape"))
                    $root.tensorflow.TensorShapeProto.encode(message.shape, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a DtypeAndShape message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.ResourceHandleProto.DtypeAndShape
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.ResourceHandleProto.DtypeAndShape} DtypeAndShape
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DtypeAndShape.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.tensorflow.ResourceHandleProto.DtypeAndShape();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.dtype = reader.int32();
                            break;
                        }
                    case 2: {
                            message.shape = $root.tensorflow.TensorShapeProto.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a DtypeAndShape message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorflow.ResourceHandleProto.DtypeAndShape
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorflow.ResourceHandleProto.DtypeAndShape} DtypeAndShape
             */
            DtypeAndShape.fromObject = function fromObject(object, long) {
                if (object instanceof $root.tensorflow.ResourceHandleProto.DtypeAndShape)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".tensorflow.ResourceHandleProto.DtypeAndShape: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.tensorflow.ResourceHandleProto.DtypeAndShape();
                switch (object.dtype) {
                default:
                    if (typeof object.dtype === "number") {
                        message.dtype = object.dtype;
                        break;
                    }
                    break;
                case "DT_INVALID":
                case 0:
                    message.dtype = 0;
                    break;
                case "DT_FLOAT":
                case 1:
                    message.dtype = 1;
                    break;
                case "DT_DOUBLE":
                case 2:
                    message.dtype = 2;
                    break;
                case "DT_INT32":
                case 3:
                    message.dtype = 3;
                    break;
                case "DT_UINT8":
                case 4:
                    message.dtype = 4;
                    break;
                case "DT_INT16":
                case 5:
                    message.dtype = 5;
                    break;
                case "DT_INT8":
                case 6:
                    message.dtype = 6;
                    break;
                case "DT_STRING":
                case 7:
                    message.dtype = 7;
                    break;
                case "DT_COMPLEX64":
                case 8:
                    message.dtype = 8;
                    break;
                case "DT_INT64":
                case 9:
                    message.dtype = 9;
                    break;
                case "DT_BOOL":
                case 10:
                    message.dtype = 10;
                    break;
                case "DT_QINT8":
                case 11:
                    message.dtype = 11;
                    break;
                case "DT_QUINT8":
                case 12:
                    message.dtype = 12;
                    break;
                case "DT_QINT32":
                case 13:
                    message.dtype = 13;
                    break;
                case "DT_BFLOAT16":
                case 14:
                    message.dtype = 14;
                    break;
                case "DT_QINT16":
                case 15:
                    message.dtype = 15;
                    break;
                case "DT_QUINT16":
                case 16:
                    message.dtype = 16;
                    break;
                case "DT_UINT16":
                case 17:
                    message.dtype = 17;
                    break;
                case "DT_COMPLEX128":
                case 18:
                    message.dtype = 18;
                    break;
                case "DT_HALF":
                case 19:
                    message.dtype = 19;
                    break;
                case "DT_RESOURCE":
                case 20:
                    message.dtype = 20;
                    break;
                case "DT_VARIANT":
                case 21:
                    message.dtype = 21;
                    break;
                case "DT_UINT32":
                case 22:
                    message.dtype = 22;
                    break;
                case "DT_UINT64":
                case 23:
                    message.dtype = 23;
                    break;
                case "DT_FLOAT_REF":
                case 101:
                    message.dtype = 101;
                    break;
                case "DT_DOUBLE_REF":
                case 102:
                    message.dtype = 102;
                    break;
                case "DT_INT32_REF":
                case 103:
                    message.dtype = 103;
                    break;
                case "DT_UINT8_REF":
                case 104:
                    message.dtype = 104;
                    break;
                case "DT_INT16_REF":
                case 105:
                    message.dtype = 105;
                    break;
                case "DT_INT8_REF":
                case 106:
                    message.dtype = 106;
                    break;
                case "DT_STRING_REF":
                case 107:
                    message.dtype = 107;
                    break;
                case "DT_COMPLEX64_REF":
                case 108:
                    message.dtype = 108;
                    break;
                case "DT_INT64_REF":
                case 109:
                    message.dtype = 109;
                    break;
                case "DT_BOOL_REF":
                case 110:
                    message.dtype = 110;
                    break;
                case "DT_QINT8_REF":
                case 111:
                    message.dtype = 111;
                    break;
                case "DT_QUINT8_REF":
                case 112:
                    message.dtype = 112;
                    break;
                case "DT_QINT32_REF":
                case 113:
                    message.dtype = 113;
                    break;
                case "DT_BFLOAT16_REF":
                case 114:
                    message.dtype = 114;
                    break;
                case "DT_QINT16_REF":
                case 115:
                    message.dtype = 115;
                    break;
                case "DT_QUINT16_REF":
                case 116:
                    message.dtype = 116;
                    break;
                case "DT_UINT16_REF":
                case 117:
                    message.dtype = 117;
                    break;
                case "DT_COMPLEX128_REF":
                case 118:
                    message.dtype = 118;
                    break;
                case "DT_HALF_REF":
                case 119:
                    message.dtype = 119;
                    break;
                case "DT_RESOURCE_REF":
                case 120:
                    message.dtype = 120;
                    break;
                case "DT_VARIANT_REF":
                case 121:
                    message.dtype = 121;
                    break;
                case "DT_UINT32_REF":
                case 122:
                    message.dtype = 122;
                    break;
                case "DT_UINT64_REF":
                case 123:
                    message.dtype = 123;
                    break;
                }
                if (object.shape != null) {
                    if (!$util.isObject(object.shape))
                        throw TypeError(".tensorflow.ResourceHandleProto.DtypeAndShape.shape: object expected");
                    message.shape = $root.tensorflow.TensorShapeProto.fromObject(object.shape, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a DtypeAndShape message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorflow.ResourceHandleProto.DtypeAndShape
             * @static
             * @param {tensorflow.ResourceHandleProto.DtypeAndShape} message DtypeAndShape
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DtypeAndShape.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.dtype = options.enums === String ? "DT_INVALID" : 0;
                    object.shape = null;
                }
                if (message.dtype != null && Object.hasOwnProperty.call(message, "dtype"))
                    object.dtype = options.enums === String ? $root.tensorflow.DataType[message.dtype] === undefined ? message.dtype : $root.tensorflow.DataType[message.dtype] : message.dtype;
                if (message.shape != null && Object.hasOwnProperty.call(message, "shape"))
                    object.shape = $root.tensorflow.TensorShapeProto.toObject(message.shape, options, q + 1);
                return object;
            };

            /**
             * Converts this DtypeAndShape to JSON.
             * @function toJSON
             * @memberof tensorflow.ResourceHandleProto.DtypeAndShape
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DtypeAndShape.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DtypeAndShape;
        })();

        return ResourceHandleProto;
    })();

    tensorflow.TensorShapeProto = (function() {

        /**
         * Properties of a TensorShapeProto.
         * @memberof tensorflow
         * @interface ITensorShapeProto
         * @property {Array.<tensorflow.TensorShapeProto.IDim>|null} [dim] TensorShapeProto dim
         * @property {boolean|null} [unknownRank] TensorShapeProto unknownRank
         */

        /**
         * Constructs a new TensorShapeProto.
         * @memberof tensorflow
         * @classdesc Represents a TensorShapeProto.
         * @implements ITensorShapeProto
         * @constructor
         * @param {tensorflow.ITensorShapeProto=} [properties] Properties to set
         */
        function TensorShapeProto(properties) {
            this.dim = [];
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * TensorShapeProto dim.
         * @member {Array.<tensorflow.TensorShapeProto.IDim>} dim
         * @memberof tensorflow.TensorShapeProto
         * @instance
         */
        TensorShapeProto.prototype.dim = $util.emptyArray;

        /**
         * TensorShapeProto unknownRank.
         * @member {boolean} unknownRank
         * @memberof tensorflow.TensorShapeProto
         * @instance
         */
        TensorShapeProto.prototype.unknownRank = false;

        /**
         * Encodes the specified TensorShapeProto message. Does not implicitly {@link tensorflow.TensorShapeProto.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.TensorShapeProto
         * @static
         * @param {tensorflow.ITensorShapeProto} message TensorShapeProto message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TensorShapeProto.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.dim != null && message.dim.length)
                for (let i = 0; i < message.dim.length; ++i)
                    $root.tensorflow.TensorShapeProto.Dim.encode(message.dim[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            if (message.unknownRank != null && Object.hasOwnProperty.call(message, "unknownRank"))
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.unknownRank);
            return writer;
        };

        /**
         * Decodes a TensorShapeProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.TensorShapeProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.TensorShapeProto} TensorShapeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorShapeProto.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.TensorShapeProto();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 2: {
                        if (!(message.dim && message.dim.length))
                            message.dim = [];
                        message.dim.push($root.tensorflow.TensorShapeProto.Dim.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                case 3: {
                        message.unknownRank = reader.bool();
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a TensorShapeProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.TensorShapeProto
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.TensorShapeProto} TensorShapeProto
         */
        TensorShapeProto.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.TensorShapeProto)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.TensorShapeProto: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.TensorShapeProto();
            if (object.dim) {
                if (!Array.isArray(object.dim))
                    throw TypeError(".tensorflow.TensorShapeProto.dim: array expected");
                message.dim = [];
                for (let i = 0; i < object.dim.length; ++i) {
                    if (!$util.isObject(object.dim[i]))
                        throw TypeError(".tensorflow.TensorShapeProto.dim: object expected");
                    message.dim[i] = $root.tensorflow.TensorShapeProto.Dim.fromObject(object.dim[i], long + 1);
                }
            }
            if (object.unknownRank != null)
                message.unknownRank = Boolean(object.unknownRank);
            return message;
        };

        /**
         * Creates a plain object from a TensorShapeProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.TensorShapeProto
         * @static
         * @param {tensorflow.TensorShapeProto} message TensorShapeProto
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TensorShapeProto.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.dim = [];
            if (options.defaults)
                object.unknownRank = false;
            if (message.dim && message.dim.length) {
                object.dim = [];
                for (let j = 0; j < message.dim.length; ++j)
                    object.dim[j] = $root.tensorflow.TensorShapeProto.Dim.toObject(message.dim[j], options, q + 1);
            }
            if (message.unknownRank != null && Object.hasOwnProperty.call(message, "unknownRank"))
                object.unknownRank = message.unknownRank;
            return object;
        };

        /**
         * Converts this TensorShapeProto to JSON.
         * @function toJSON
         * @memberof tensorflow.TensorShapeProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TensorShapeProto.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        TensorShapeProto.Dim = (function() {

            /**
             * Properties of a Dim.
             * @memberof tensorflow.TensorShapeProto
             * @interface IDim
             * @property {number|Long|null} [size] Dim size
             * @property {string|null} [name] Dim name
             */

            /**
             * Constructs a new Dim.
             * @memberof tensorflow.TensorShapeProto
             * @classdesc Represents a Dim.
             * @implements IDim
             * @constructor
             * @param {tensorflow.TensorShapeProto.IDim=} [properties] Properties to set
             */
            function Dim(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Dim size.
             * @member {number|Long} size
             * @memberof tensorflow.TensorShapeProto.Dim
             * @instance
             */
            Dim.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Dim name.
             * @member {string} name
             * @memberof tensorflow.TensorShapeProto.Dim
             * @instance
             */
            Dim.prototype.name = "";

            /**
             * Encodes the specified Dim message. Does not implicitly {@link tensorflow.TensorShapeProto.Dim.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.TensorShapeProto.Dim
             * @static
             * @param {tensorflow.TensorShapeProto.IDim} message Dim message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Dim.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.size != null && Object.hasOwnProperty.call(message, "size"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.size);
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                return writer;
            };

            /**
             * Decodes a Dim message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.TensorShapeProto.Dim
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.TensorShapeProto.Dim} Dim
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Dim.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.tensorflow.TensorShapeProto.Dim();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.size = reader.int64();
                            break;
                        }
                    case 2: {
                            message.name = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates a Dim message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorflow.TensorShapeProto.Dim
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorflow.TensorShapeProto.Dim} Dim
             */
            Dim.fromObject = function fromObject(object, long) {
                if (object instanceof $root.tensorflow.TensorShapeProto.Dim)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".tensorflow.TensorShapeProto.Dim: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.tensorflow.TensorShapeProto.Dim();
                if (object.size != null)
                    if ($util.Long)
                        message.size = $util.Long.fromValue(object.size, false);
                    else if (typeof object.size === "string")
                        message.size = parseInt(object.size, 10);
                    else if (typeof object.size === "number")
                        message.size = object.size;
                    else if (typeof object.size === "object")
                        message.size = new $util.LongBits(object.size.low >>> 0, object.size.high >>> 0).toNumber();
                if (object.name != null)
                    message.name = String(object.name);
                return message;
            };

            /**
             * Creates a plain object from a Dim message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorflow.TensorShapeProto.Dim
             * @static
             * @param {tensorflow.TensorShapeProto.Dim} message Dim
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Dim.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.size = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.size = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.name = "";
                }
                if (message.size != null && Object.hasOwnProperty.call(message, "size"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.size = typeof message.size === "number" ? BigInt(message.size) : $util.Long.fromBits(message.size.low >>> 0, message.size.high >>> 0, false).toBigInt();
                    else if (typeof message.size === "number")
                        object.size = options.longs === String ? String(message.size) : message.size;
                    else
                        object.size = options.longs === String ? $util.Long.prototype.toString.call(message.size) : options.longs === Number ? new $util.LongBits(message.size.low >>> 0, message.size.high >>> 0).toNumber() : message.size;
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                return object;
            };

            /**
             * Converts this Dim to JSON.
             * @function toJSON
             * @memberof tensorflow.TensorShapeProto.Dim
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Dim.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Dim;
        })();

        return TensorShapeProto;
    })();

    /**
     * DataType enum.
     * @name tensorflow.DataType
     * @enum {number}
     * @property {number} DT_INVALID=0 DT_INVALID value
     * @property {number} DT_FLOAT=1 DT_FLOAT value
     * @property {number} DT_DOUBLE=2 DT_DOUBLE value
     * @property {number} DT_INT32=3 DT_INT32 value
     * @property {number} DT_UINT8=4 DT_UINT8 value
     * @property {number} DT_INT16=5 DT_INT16 value
     * @property {number} DT_INT8=6 DT_INT8 value
     * @property {number} DT_STRING=7 DT_STRING value
     * @property {number} DT_COMPLEX64=8 DT_COMPLEX64 value
     * @property {number} DT_INT64=9 DT_INT64 value
     * @property {number} DT_BOOL=10 DT_BOOL value
     * @property {number} DT_QINT8=11 DT_QINT8 value
     * @property {number} DT_QUINT8=12 DT_QUINT8 value
     * @property {number} DT_QINT32=13 DT_QINT32 value
     * @property {number} DT_BFLOAT16=14 DT_BFLOAT16 value
     * @property {number} DT_QINT16=15 DT_QINT16 value
     * @property {number} DT_QUINT16=16 DT_QUINT16 value
     * @property {number} DT_UINT16=17 DT_UINT16 value
     * @property {number} DT_COMPLEX128=18 DT_COMPLEX128 value
     * @property {number} DT_HALF=19 DT_HALF value
     * @property {number} DT_RESOURCE=20 DT_RESOURCE value
     * @property {number} DT_VARIANT=21 DT_VARIANT value
     * @property {number} DT_UINT32=22 DT_UINT32 value
     * @property {number} DT_UINT64=23 DT_UINT64 value
     * @property {number} DT_FLOAT_REF=101 DT_FLOAT_REF value
     * @property {number} DT_DOUBLE_REF=102 DT_DOUBLE_REF value
     * @property {number} DT_INT32_REF=103 DT_INT32_REF value
     * @property {number} DT_UINT8_REF=104 DT_UINT8_REF value
     * @property {number} DT_INT16_REF=105 DT_INT16_REF value
     * @property {number} DT_INT8_REF=106 DT_INT8_REF value
     * @property {number} DT_STRING_REF=107 DT_STRING_REF value
     * @property {number} DT_COMPLEX64_REF=108 DT_COMPLEX64_REF value
     * @property {number} DT_INT64_REF=109 DT_INT64_REF value
     * @property {number} DT_BOOL_REF=110 DT_BOOL_REF value
     * @property {number} DT_QINT8_REF=111 DT_QINT8_REF value
     * @property {number} DT_QUINT8_REF=112 DT_QUINT8_REF value
     * @property {number} DT_QINT32_REF=113 DT_QINT32_REF value
     * @property {number} DT_BFLOAT16_REF=114 DT_BFLOAT16_REF value
     * @property {number} DT_QINT16_REF=115 DT_QINT16_REF value
     * @property {number} DT_QUINT16_REF=116 DT_QUINT16_REF value
     * @property {number} DT_UINT16_REF=117 DT_UINT16_REF value
     * @property {number} DT_COMPLEX128_REF=118 DT_COMPLEX128_REF value
     * @property {number} DT_HALF_REF=119 DT_HALF_REF value
     * @property {number} DT_RESOURCE_REF=120 DT_RESOURCE_REF value
     * @property {number} DT_VARIANT_REF=121 DT_VARIANT_REF value
     * @property {number} DT_UINT32_REF=122 DT_UINT32_REF value
     * @property {number} DT_UINT64_REF=123 DT_UINT64_REF value
     */
    tensorflow.DataType = (function() {
        const valuesById = {}, values = Object.create(valuesById);
        values[valuesById[0] = "DT_INVALID"] = 0;
        values[valuesById[1] = "DT_FLOAT"] = 1;
        values[valuesById[2] = "DT_DOUBLE"] = 2;
        values[valuesById[3] = "DT_INT32"] = 3;
        values[valuesById[4] = "DT_UINT8"] = 4;
        values[valuesById[5] = "DT_INT16"] = 5;
        values[valuesById[6] = "DT_INT8"] = 6;
        values[valuesById[7] = "DT_STRING"] = 7;
        values[valuesById[8] = "DT_COMPLEX64"] = 8;
        values[valuesById[9] = "DT_INT64"] = 9;
        values[valuesById[10] = "DT_BOOL"] = 10;
        values[valuesById[11] = "DT_QINT8"] = 11;
        values[valuesById[12] = "DT_QUINT8"] = 12;
        values[valuesById[13] = "DT_QINT32"] = 13;
        values[valuesById[14] = "DT_BFLOAT16"] = 14;
        values[valuesById[15] = "DT_QINT16"] = 15;
        values[valuesById[16] = "DT_QUINT16"] = 16;
        values[valuesById[17] = "DT_UINT16"] = 17;
        values[valuesById[18] = "DT_COMPLEX128"] = 18;
        values[valuesById[19] = "DT_HALF"] = 19;
        values[valuesById[20] = "DT_RESOURCE"] = 20;
        values[valuesById[21] = "DT_VARIANT"] = 21;
        values[valuesById[22] = "DT_UINT32"] = 22;
        values[valuesById[23] = "DT_UINT64"] = 23;
        values[valuesById[101] = "DT_FLOAT_REF"] = 101;
        values[valuesById[102] = "DT_DOUBLE_REF"] = 102;
        values[valuesById[103] = "DT_INT32_REF"] = 103;
        values[valuesById[104] = "DT_UINT8_REF"] = 104;
        values[valuesById[105] = "DT_INT16_REF"] = 105;
        values[valuesById[106] = "DT_INT8_REF"] = 106;
        values[valuesById[107] = "DT_STRING_REF"] = 107;
        values[valuesById[108] = "DT_COMPLEX64_REF"] = 108;
        values[valuesById[109] = "DT_INT64_REF"] = 109;
        values[valuesById[110] = "DT_BOOL_REF"] = 110;
        values[valuesById[111] = "DT_QINT8_REF"] = 111;
        values[valuesById[112] = "DT_QUINT8_REF"] = 112;
        values[valuesById[113] = "DT_QINT32_REF"] = 113;
        values[valuesById[114] = "DT_BFLOAT16_REF"] = 114;
        values[valuesById[115] = "DT_QINT16_REF"] = 115;
        values[valuesById[116] = "DT_QUINT16_REF"] = 116;
        values[valuesById[117] = "DT_UINT16_REF"] = 117;
        values[valuesById[118] = "DT_COMPLEX128_REF"] = 118;
        values[valuesById[119] = "DT_HALF_REF"] = 119;
        values[valuesById[120] = "DT_RESOURCE_REF"] = 120;
        values[valuesById[121] = "DT_VARIANT_REF"] = 121;
        values[valuesById[122] = "DT_UINT32_REF"] = 122;
        values[valuesById[123] = "DT_UINT64_REF"] = 123;
        return values;
    })();

    tensorflow.NodeDef = (function() {

        /**
         * Properties of a NodeDef.
         * @memberof tensorflow
         * @interface INodeDef
         * @property {string|null} [name] NodeDef name
         * @property {string|null} [op] NodeDef op
         * @property {Array.<string>|null} [input] NodeDef input
         * @property {string|null} [device] NodeDef device
         * @property {Object.<string,tensorflow.IAttrValue>|null} [attr] NodeDef attr
         * @property {tensorflow.NodeDef.IExperimentalDebugInfo|null} [experimentalDebugInfo] NodeDef experimentalDebugInfo
         * @property {tensorflow.IFullTypeDef|null} [experimentalType] NodeDef experimentalType
         */

        /**
         * Constructs a new NodeDef.
         * @memberof tensorflow
         * @classdesc Represents a NodeDef.
         * @implements INodeDef
         * @constructor
         * @param {tensorflow.INodeDef=} [properties] Properties to set
         */
        function NodeDef(properties) {
            this.input = [];
            this.attr = {};
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * NodeDef name.
         * @member {string} name
         * @memberof tensorflow.NodeDef
         * @instance
         */
        NodeDef.prototype.name = "";

        /**
         * NodeDef op.
         * @member {string} op
         * @memberof tensorflow.NodeDef
         * @instance
         */
        NodeDef.prototype.op = "";

        /**
         * NodeDef input.
         * @member {Array.<string>} input
         * @memberof tensorflow.NodeDef
         * @instance
         */
        NodeDef.prototype.input = $util.emptyArray;

        /**
         * NodeDef device.
         * @member {string} device
         * @memberof tensorflow.NodeDef
         * @instance
         */
        NodeDef.prototype.device = "";

        /**
         * NodeDef attr.
         * @member {Object.<string,tensorflow.IAttrValue>} attr
         * @memberof tensorflow.NodeDef
         * @instance
         */
        NodeDef.prototype.attr = $util.emptyObject;

        /**
         * NodeDef experimentalDebugInfo.
         * @member {tensorflow.NodeDef.IExperimentalDebugInfo|null|undefined} experimentalDebugInfo
         * @memberof tensorflow.NodeDef
         * @instance
         */
        NodeDef.prototype.experimentalDebugInfo = null;

        /**
         * NodeDef experimentalType.
         * @member {tensorflow.IFullTypeDef|null|undefined} experimentalType
         * @memberof tensorflow.NodeDef
         * @instance
         */
        NodeDef.prototype.experimentalType = null;

        /**
         * Encodes the specified NodeDef message. Does not implicitly {@link tensorflow.NodeDef.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.NodeDef
         * @static
         * @param {tensorflow.INodeDef} message NodeDef message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        NodeDef.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.op != null && Object.hasOwnProperty.call(message, "op"))
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.op);
            if (message.input != null && message.input.length)
                for (let i = 0; i < message.input.length; ++i)
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.input[i]);
            if (message.device != null && Object.hasOwnProperty.call(message, "device"))
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.device);
            if (message.attr != null && Object.hasOwnProperty.call(message, "attr"))
                for (let keys = Object.keys(message.attr), i = 0; i < keys.length; ++i) {
                    writer.uint32(/* id 5, wireType 2 =*/42).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]);
                    $root.tensorflow.AttrValue.encode(message.attr[keys[i]], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim().ldelim();
                }
            if (message.experimentalDebugInfo != null && Object.hasOwnProperty.call(message, "experimentalDebugInfo"))
                $root.tensorflow.NodeDef.ExperimentalDebugInfo.encode(message.experimentalDebugInfo, writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
            if (message.experimentalType != null && Object.hasOwnProperty.call(message, "experimentalType"))
                $root.tensorflow.FullTypeDef.encode(message.experimentalType, writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
            return writer;
        };

        /**
         * Decodes a NodeDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.NodeDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.NodeDef} NodeDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        NodeDef.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message, key, value;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.NodeDef();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        message.name = reader.string();
                        break;
                    }
                case 2: {
                        message.op = reader.string();
                        break;
                    }
                case 3: {
                        if (!(message.input && message.input.length))
                            message.input = [];
                        message.input.push(reader.string());
                        break;
                    }
                case 4: {
                        message.device = reader.string();
                        break;
                    }
                case 5: {
                        if (message.attr === $util.emptyObject)
                            message.attr = {};
                        let end2 = reader.uint32() + reader.pos;
                        if (end2 > reader.len)
                            throw RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = null;
                        while (reader.pos < end2) {
                            let tag2 = reader.uint32();
                            switch (tag2 >>> 3) {
                            case 1:
                                key = reader.string();
                                break;
                            case 2:
                                value = $root.tensorflow.AttrValue.decode(reader, reader.uint32(), undefined, long + 1);
                                break;
                            default:
                                reader.skipType(tag2 & 7, long);
                                break;
                            }
                        }
                        if (reader.pos !== end2)
                            throw RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.attr, key);
                        message.attr[key] = value;
                        break;
                    }
                case 6: {
                        message.experimentalDebugInfo = $root.tensorflow.NodeDef.ExperimentalDebugInfo.decode(reader, reader.uint32(), undefined, long + 1);
                        break;
                    }
                case 7: {
                        message.experimentalType = $root.tensorflow.FullTypeDef.decode(reader, reader.uint32(), undefined, long + 1);
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a NodeDef message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.NodeDef
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.NodeDef} NodeDef
         */
        NodeDef.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.NodeDef)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.NodeDef: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.NodeDef();
            if (object.name != null)
                message.name = String(object.name);
            if (object.op != null)
                message.op = String(object.op);
            if (object.input) {
                if (!Array.isArray(object.input))
                    throw TypeError(".tensorflow.NodeDef.input: array expected");
                message.input = [];
                for (let i = 0; i < object.input.length; ++i)
                    message.input[i] = String(object.input[i]);
            }
            if (object.device != null)
                message.device = String(object.device);
            if (object.attr) {
                if (!$util.isObject(object.attr))
                    throw TypeError(".tensorflow.NodeDef.attr: object expected");
                message.attr = {};
                for (let keys = Object.keys(object.attr), i = 0; i < keys.length; ++i) {
                    if (keys[i] === "__proto__")
                        $util.makeProp(message.attr, keys[i]);
                    if (!$util.isObject(object.attr[keys[i]]))
                        throw TypeError(".tensorflow.NodeDef.attr: object expected");
                    message.attr[keys[i]] = $root.tensorflow.AttrValue.fromObject(object.attr[keys[i]], long + 1);
                }
            }
            if (object.experimentalDebugInfo != null) {
                if (!$util.isObject(object.experimentalDebugInfo))
                    throw TypeError(".tensorflow.NodeDef.experimentalDebugInfo: object expected");
                message.experimentalDebugInfo = $root.tensorflow.NodeDef.ExperimentalDebugInfo.fromObject(object.experimentalDebugInfo, long + 1);
            }
            if (object.experimentalType != null) {
                if (!$util.isObject(object.experimentalType))
                    throw TypeError(".tensorflow.NodeDef.experimentalType: object expected");
                message.experimentalType = $root.tensorflow.FullTypeDef.fromObject(object.experimentalType, long + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a NodeDef message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.NodeDef
         * @static
         * @param {tensorflow.NodeDef} message NodeDef
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        NodeDef.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.input = [];
            if (options.objects || options.defaults)
                object.attr = {};
            if (options.defaults) {
                object.name = "";
                object.op = "";
                object.device = "";
                object.experimentalDebugInfo = null;
                object.experimentalType = null;
            }
            if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                object.name = message.name;
            if (message.op != null && Object.hasOwnProperty.call(message, "op"))
                object.op = message.op;
            if (message.input && message.input.length) {
                object.input = [];
                for (let j = 0; j < message.input.length; ++j)
                    object.input[j] = message.input[j];
            }
            if (message.device != null && Object.hasOwnProperty.call(message, "device"))
                object.device = message.device;
            let keys2;
            if (message.attr && (keys2 = Object.keys(message.attr)).length) {
                object.attr = {};
                for (let j = 0; j < keys2.length; ++j) {
                    if (keys2[j] === "__proto__")
                        $util.makeProp(object.attr, keys2[j]);
                    object.attr[keys2[j]] = $root.tensorflow.AttrValue.toObject(message.attr[keys2[j]], options, q + 1);
                }
            }
            if (message.experimentalDebugInfo != null && Object.hasOwnProperty.call(message, "experimentalDebugInfo"))
                object.experimentalDebugInfo = $root.tensorflow.NodeDef.ExperimentalDebugInfo.toObject(message.experimentalDebugInfo, options, q + 1);
            if (message.experimentalType != null && Object.hasOwnProperty.call(message, "experimentalType"))
                object.experimentalType = $root.tensorflow.FullTypeDef.toObject(message.experimentalType, options, q + 1);
            return object;
        };

        /**
         * Converts this NodeDef to JSON.
         * @function toJSON
         * @memberof tensorflow.NodeDef
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        NodeDef.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        NodeDef.ExperimentalDebugInfo = (function() {

            /**
             * Properties of an ExperimentalDebugInfo.
             * @memberof tensorflow.NodeDef
             * @interface IExperimentalDebugInfo
             * @property {Array.<string>|null} [originalNodeNames] ExperimentalDebugInfo originalNodeNames
             * @property {Array.<string>|null} [originalFuncNames] ExperimentalDebugInfo originalFuncNames
             */

            /**
             * Constructs a new ExperimentalDebugInfo.
             * @memberof tensorflow.NodeDef
             * @classdesc Represents an ExperimentalDebugInfo.
             * @implements IExperimentalDebugInfo
             * @constructor
             * @param {tensorflow.NodeDef.IExperimentalDebugInfo=} [properties] Properties to set
             */
            function ExperimentalDebugInfo(properties) {
                this.originalNodeNames = [];
                this.originalFuncNames = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ExperimentalDebugInfo originalNodeNames.
             * @member {Array.<string>} originalNodeNames
             * @memberof tensorflow.NodeDef.ExperimentalDebugInfo
             * @instance
             */
            ExperimentalDebugInfo.prototype.originalNodeNames = $util.emptyArray;

            /**
             * ExperimentalDebugInfo originalFuncNames.
             * @member {Array.<string>} originalFuncNames
             * @memberof tensorflow.NodeDef.ExperimentalDebugInfo
             * @instance
             */
            ExperimentalDebugInfo.prototype.originalFuncNames = $util.emptyArray;

            /**
             * Encodes the specified ExperimentalDebugInfo message. Does not implicitly {@link tensorflow.NodeDef.ExperimentalDebugInfo.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.NodeDef.ExperimentalDebugInfo
             * @static
             * @param {tensorflow.NodeDef.IExperimentalDebugInfo} message ExperimentalDebugInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExperimentalDebugInfo.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.originalNodeNames != null && message.originalNodeNames.length)
                    for (let i = 0; i < message.originalNodeNames.length; ++i)
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.originalNodeNames[i]);
                if (message.originalFuncNames != null && message.originalFuncNames.length)
                    for (let i = 0; i < message.originalFuncNames.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.originalFuncNames[i]);
                return writer;
            };

            /**
             * Decodes an ExperimentalDebugInfo message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.NodeDef.ExperimentalDebugInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.NodeDef.ExperimentalDebugInfo} ExperimentalDebugInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExperimentalDebugInfo.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.tensorflow.NodeDef.ExperimentalDebugInfo();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.originalNodeNames && message.originalNodeNames.length))
                                message.originalNodeNames = [];
                            message.originalNodeNames.push(reader.string());
                            break;
                        }
                    case 2: {
                            if (!(message.originalFuncNames && message.originalFuncNames.length))
                                message.originalFuncNames = [];
                            message.originalFuncNames.push(reader.string());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an ExperimentalDebugInfo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorflow.NodeDef.ExperimentalDebugInfo
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorflow.NodeDef.ExperimentalDebugInfo} ExperimentalDebugInfo
             */
            ExperimentalDebugInfo.fromObject = function fromObject(object, long) {
                if (object instanceof $root.tensorflow.NodeDef.ExperimentalDebugInfo)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".tensorflow.NodeDef.ExperimentalDebugInfo: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.tensorflow.NodeDef.ExperimentalDebugInfo();
                if (object.originalNodeNames) {
                    if (!Array.isArray(object.originalNodeNames))
                        throw TypeError(".tensorflow.NodeDef.ExperimentalDebugInfo.originalNodeNames: array expected");
                    message.originalNodeNames = [];
                    for (let i = 0; i < object.originalNodeNames.length; ++i)
                        message.originalNodeNames[i] = String(object.originalNodeNames[i]);
                }
                if (object.originalFuncNames) {
                    if (!Array.isArray(object.originalFuncNames))
                        throw TypeError(".tensorflow.NodeDef.ExperimentalDebugInfo.originalFuncNames: array expected");
                    message.originalFuncNames = [];
                    for (let i = 0; i < object.originalFuncNames.length; ++i)
                        message.originalFuncNames[i] = String(object.originalFuncNames[i]);
                }
                return message;
            };

            /**
             * Creates a plain object from an ExperimentalDebugInfo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorflow.NodeDef.ExperimentalDebugInfo
             * @static
             * @param {tensorflow.NodeDef.ExperimentalDebugInfo} message ExperimentalDebugInfo
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExperimentalDebugInfo.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.originalNodeNames = [];
                    object.originalFuncNames = [];
                }
                if (message.originalNodeNames && message.originalNodeNames.length) {
                    object.originalNodeNames = [];
                    for (let j = 0; j < message.originalNodeNames.length; ++j)
                        object.originalNodeNames[j] = message.originalNodeNames[j];
                }
                if (message.originalFuncNames && message.originalFuncNames.length) {
                    object.originalFuncNames = [];
                    for (let j = 0; j < message.originalFuncNames.length; ++j)
                        object.originalFuncNames[j] = message.originalFuncNames[j];
                }
                return object;
            };

            /**
             * Converts this ExperimentalDebugInfo to JSON.
             * @function toJSON
             * @memberof tensorflow.NodeDef.ExperimentalDebugInfo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExperimentalDebugInfo.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ExperimentalDebugInfo;
        })();

        return NodeDef;
    })();

    /**
     * FullTypeId enum.
     * @name tensorflow.FullTypeId
     * @enum {number}
     * @property {number} TFT_UNSET=0 TFT_UNSET value
     * @property {number} TFT_VAR=1 TFT_VAR value
     * @property {number} TFT_ANY=2 TFT_ANY value
     * @property {number} TFT_PRODUCT=3 TFT_PRODUCT value
     * @property {number} TFT_NAMED=4 TFT_NAMED value
     * @property {number} TFT_FOR_EACH=20 TFT_FOR_EACH value
     * @property {number} TFT_CALLABLE=100 TFT_CALLABLE value
     * @property {number} TFT_TENSOR=1000 TFT_TENSOR value
     * @property {number} TFT_ARRAY=1001 TFT_ARRAY value
     * @property {number} TFT_OPTIONAL=1002 TFT_OPTIONAL value
     * @property {number} TFT_LITERAL=1003 TFT_LITERAL value
     * @property {number} TFT_BOOL=200 TFT_BOOL value
     * @property {number} TFT_UINT8=201 TFT_UINT8 value
     * @property {number} TFT_UINT16=202 TFT_UINT16 value
     * @property {number} TFT_UINT32=203 TFT_UINT32 value
     * @property {number} TFT_UINT64=204 TFT_UINT64 value
     * @property {number} TFT_INT8=205 TFT_INT8 value
     * @property {number} TFT_INT16=206 TFT_INT16 value
     * @property {number} TFT_INT32=207 TFT_INT32 value
     * @property {number} TFT_INT64=208 TFT_INT64 value
     * @property {number} TFT_HALF=209 TFT_HALF value
     * @property {number} TFT_FLOAT=210 TFT_FLOAT value
     * @property {number} TFT_DOUBLE=211 TFT_DOUBLE value
     * @property {number} TFT_BFLOAT16=215 TFT_BFLOAT16 value
     * @property {number} TFT_COMPLEX64=212 TFT_COMPLEX64 value
     * @property {number} TFT_COMPLEX128=213 TFT_COMPLEX128 value
     * @property {number} TFT_STRING=214 TFT_STRING value
     * @property {number} TFT_DATASET=10102 TFT_DATASET value
     * @property {number} TFT_RAGGED=10103 TFT_RAGGED value
     * @property {number} TFT_MUTEX_LOCK=10202 TFT_MUTEX_LOCK value
     * @property {number} TFT_LEGACY_VARIANT=10203 TFT_LEGACY_VARIANT value
     */
    tensorflow.FullTypeId = (function() {
        const valuesById = {}, values = Object.create(valuesById);
        values[valuesById[0] = "TFT_UNSET"] = 0;
        values[valuesById[1] = "TFT_VAR"] = 1;
        values[valuesById[2] = "TFT_ANY"] = 2;
        values[valuesById[3] = "TFT_PRODUCT"] = 3;
        values[valuesById[4] = "TFT_NAMED"] = 4;
        values[valuesById[20] = "TFT_FOR_EACH"] = 20;
        values[valuesById[100] = "TFT_CALLABLE"] = 100;
        values[valuesById[1000] = "TFT_TENSOR"] = 1000;
        values[valuesById[1001] = "TFT_ARRAY"] = 1001;
        values[valuesById[1002] = "TFT_OPTIONAL"] = 1002;
        values[valuesById[1003] = "TFT_LITERAL"] = 1003;
        values[valuesById[200] = "TFT_BOOL"] = 200;
        values[valuesById[201] = "TFT_UINT8"] = 201;
        values[valuesById[202] = "TFT_UINT16"] = 202;
        values[valuesById[203] = "TFT_UINT32"] = 203;
        values[valuesById[204] = "TFT_UINT64"] = 204;
        values[valuesById[205] = "TFT_INT8"] = 205;
        values[valuesById[206] = "TFT_INT16"] = 206;
        values[valuesById[207] = "TFT_INT32"] = 207;
        values[valuesById[208] = "TFT_INT64"] = 208;
        values[valuesById[209] = "TFT_HALF"] = 209;
        values[valuesById[210] = "TFT_FLOAT"] = 210;
        values[valuesById[211] = "TFT_DOUBLE"] = 211;
        values[valuesById[215] = "TFT_BFLOAT16"] = 215;
        values[valuesById[212] = "TFT_COMPLEX64"] = 212;
        values[valuesById[213] = "TFT_COMPLEX128"] = 213;
        values[valuesById[214] = "TFT_STRING"] = 214;
        values[valuesById[10102] = "TFT_DATASET"] = 10102;
        values[valuesById[10103] = "TFT_RAGGED"] = 10103;
        values[valuesById[10202] = "TFT_MUTEX_LOCK"] = 10202;
        values[valuesById[10203] = "TFT_LEGACY_VARIANT"] = 10203;
        return values;
    })();

    tensorflow.FullTypeDef = (function() {

        /**
         * Properties of a FullTypeDef.
         * @memberof tensorflow
         * @interface IFullTypeDef
         * @property {tensorflow.FullTypeId|null} [typeId] FullTypeDef typeId
         * @property {Array.<tensorflow.IFullTypeDef>|null} [args] FullTypeDef args
         * @property {string|null} [s] FullTypeDef s
         * @property {number|Long|null} [i] FullTypeDef i
         */

        /**
         * Constructs a new FullTypeDef.
         * @memberof tensorflow
         * @classdesc Represents a FullTypeDef.
         * @implements IFullTypeDef
         * @constructor
         * @param {tensorflow.IFullTypeDef=} [properties] Properties to set
         */
        function FullTypeDef(properties) {
            this.args = [];
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * FullTypeDef typeId.
         * @member {tensorflow.FullTypeId} typeId
         * @memberof tensorflow.FullTypeDef
         * @instance
         */
        FullTypeDef.prototype.typeId = 0;

        /**
         * FullTypeDef args.
         * @member {Array.<tensorflow.IFullTypeDef>} args
         * @memberof tensorflow.FullTypeDef
         * @instance
         */
        FullTypeDef.prototype.args = $util.emptyArray;

        /**
         * FullTypeDef s.
         * @member {string|null|undefined} s
         * @memberof tensorflow.FullTypeDef
         * @instance
         */
        FullTypeDef.prototype.s = null;

        /**
         * FullTypeDef i.
         * @member {number|Long|null|undefined} i
         * @memberof tensorflow.FullTypeDef
         * @instance
         */
        FullTypeDef.prototype.i = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * FullTypeDef attr.
         * @member {"s"|"i"|undefined} attr
         * @memberof tensorflow.FullTypeDef
         * @instance
         */
        Object.defineProperty(FullTypeDef.prototype, "attr", {
            get: $util.oneOfGetter($oneOfFields = ["s", "i"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Encodes the specified FullTypeDef message. Does not implicitly {@link tensorflow.FullTypeDef.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.FullTypeDef
         * @static
         * @param {tensorflow.IFullTypeDef} message FullTypeDef message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FullTypeDef.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.typeId != null && Object.hasOwnProperty.call(message, "typeId"))
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.typeId);
            if (message.args != null && message.args.length)
                for (let i = 0; i < message.args.length; ++i)
                    $root.tensorflow.FullTypeDef.encode(message.args[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            if (message.s != null && Object.hasOwnProperty.call(message, "s"))
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.s);
            if (message.i != null && Object.hasOwnProperty.call(message, "i"))
                writer.uint32(/* id 4, wireType 0 =*/32).int64(message.i);
            return writer;
        };

        /**
         * Decodes a FullTypeDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.FullTypeDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.FullTypeDef} FullTypeDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FullTypeDef.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.FullTypeDef();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        message.typeId = reader.int32();
                        break;
                    }
                case 2: {
                        if (!(message.args && message.args.length))
                            message.args = [];
                        message.args.push($root.tensorflow.FullTypeDef.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                case 3: {
                        message.s = reader.string();
                        break;
                    }
                case 4: {
                        message.i = reader.int64();
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a FullTypeDef message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.FullTypeDef
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.FullTypeDef} FullTypeDef
         */
        FullTypeDef.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.FullTypeDef)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.FullTypeDef: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.FullTypeDef();
            switch (object.typeId) {
            default:
                if (typeof object.typeId === "number") {
                    message.typeId = object.typeId;
                    break;
                }
                break;
            case "TFT_UNSET":
            case 0:
                message.typeId = 0;
                break;
            case "TFT_VAR":
            case 1:
                message.typeId = 1;
                break;
            case "TFT_ANY":
            case 2:
                message.typeId = 2;
                break;
            case "TFT_PRODUCT":
            case 3:
                message.typeId = 3;
                break;
            case "TFT_NAMED":
            case 4:
                message.typeId = 4;
                break;
            case "TFT_FOR_EACH":
            case 20:
                message.typeId = 20;
                break;
            case "TFT_CALLABLE":
            case 100:
                message.typeId = 100;
                break;
            case "TFT_TENSOR":
            case 1000:
                message.typeId = 1000;
                break;
            case "TFT_ARRAY":
            case 1001:
                message.typeId = 1001;
                break;
            case "TFT_OPTIONAL":
            case 1002:
                message.typeId = 1002;
                break;
            case "TFT_LITERAL":
            case 1003:
                message.typeId = 1003;
                break;
            case "TFT_BOOL":
            case 200:
                message.typeId = 200;
                break;
            case "TFT_UINT8":
            case 201:
                message.typeId = 201;
                break;
            case "TFT_UINT16":
            case 202:
                message.typeId = 202;
                break;
            case "TFT_UINT32":
            case 203:
                message.typeId = 203;
                break;
            case "TFT_UINT64":
            case 204:
                message.typeId = 204;
                break;
            case "TFT_INT8":
            case 205:
                message.typeId = 205;
                break;
            case "TFT_INT16":
            case 206:
                message.typeId = 206;
                break;
            case "TFT_INT32":
            case 207:
                message.typeId = 207;
                break;
            case "TFT_INT64":
            case 208:
                message.typeId = 208;
                break;
            case "TFT_HALF":
            case 209:
                message.typeId = 209;
                break;
            case "TFT_FLOAT":
            case 210:
                message.typeId = 210;
                break;
            case "TFT_DOUBLE":
            case 211:
                message.typeId = 211;
                break;
            case "TFT_BFLOAT16":
            case 215:
                message.typeId = 215;
                break;
            case "TFT_COMPLEX64":
            case 212:
                message.typeId = 212;
                break;
            case "TFT_COMPLEX128":
            case 213:
                message.typeId = 213;
                break;
            case "TFT_STRING":
            case 214:
                message.typeId = 214;
                break;
            case "TFT_DATASET":
            case 10102:
                message.typeId = 10102;
                break;
            case "TFT_RAGGED":
            case 10103:
                message.typeId = 10103;
                break;
            case "TFT_MUTEX_LOCK":
            case 10202:
                message.typeId = 10202;
                break;
            case "TFT_LEGACY_VARIANT":
            case 10203:
                message.typeId = 10203;
                break;
            }
            if (object.args) {
                if (!Array.isArray(object.args))
                    throw TypeError(".tensorflow.FullTypeDef.args: array expected");
                message.args = [];
                for (let i = 0; i < object.args.length; ++i) {
                    if (!$util.isObject(object.args[i]))
                        throw TypeError(".tensorflow.FullTypeDef.args: object expected");
                    message.args[i] = $root.tensorflow.FullTypeDef.fromObject(object.args[i], long + 1);
                }
            }
            if (object.s != null)
                message.s = String(object.s);
            if (object.i != null)
                if ($util.Long)
                    message.i = $util.Long.fromValue(object.i, false);
                else if (typeof object.i === "string")
                    message.i = parseInt(object.i, 10);
                else if (typeof object.i === "number")
                    message.i = object.i;
                else if (typeof object.i === "object")
                    message.i = new $util.LongBits(object.i.low >>> 0, object.i.high >>> 0).toNumber();
            return message;
        };

        /**
         * Creates a plain object from a FullTypeDef message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.FullTypeDef
         * @static
         * @param {tensorflow.FullTypeDef} message FullTypeDef
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        FullTypeDef.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.args = [];
            if (options.defaults)
                object.typeId = options.enums === String ? "TFT_UNSET" : 0;
            if (message.typeId != null && Object.hasOwnProperty.call(message, "typeId"))
                object.typeId = options.enums === String ? $root.tensorflow.FullTypeId[message.typeId] === undefined ? message.typeId : $root.tensorflow.FullTypeId[message.typeId] : message.typeId;
            if (message.args && message.args.length) {
                object.args = [];
                for (let j = 0; j < message.args.length; ++j)
                    object.args[j] = $root.tensorflow.FullTypeDef.toObject(message.args[j], options, q + 1);
            }
            if (message.s != null && Object.hasOwnProperty.call(message, "s")) {
                object.s = message.s;
                if (options.oneofs)
                    object.attr = "s";
            }
            if (message.i != null && Object.hasOwnProperty.call(message, "i")) {
                if (typeof BigInt !== "undefined" && options.longs === BigInt)
                    object.i = typeof message.i === "number" ? BigInt(message.i) : $util.Long.fromBits(message.i.low >>> 0, message.i.high >>> 0, false).toBigInt();
                else if (typeof message.i === "number")
                    object.i = options.longs === String ? String(message.i) : message.i;
                else
                    object.i = options.longs === String ? $util.Long.prototype.toString.call(message.i) : options.longs === Number ? new $util.LongBits(message.i.low >>> 0, message.i.high >>> 0).toNumber() : message.i;
                if (options.oneofs)
                    object.attr = "i";
            }
            return object;
        };

        /**
         * Converts this FullTypeDef to JSON.
         * @function toJSON
         * @memberof tensorflow.FullTypeDef
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        FullTypeDef.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        return FullTypeDef;
    })();

    tensorflow.OpDef = (function() {

        /**
         * Properties of an OpDef.
         * @memberof tensorflow
         * @interface IOpDef
         * @property {string|null} [name] OpDef name
         * @property {Array.<tensorflow.OpDef.IArgDef>|null} [inputArg] OpDef inputArg
         * @property {Array.<tensorflow.OpDef.IArgDef>|null} [outputArg] OpDef outputArg
         * @property {Array.<string>|null} [controlOutput] OpDef controlOutput
         * @property {Array.<tensorflow.OpDef.IAttrDef>|null} [attr] OpDef attr
         * @property {tensorflow.IOpDeprecation|null} [deprecation] OpDef deprecation
         * @property {string|null} [summary] OpDef summary
         * @property {string|null} [description] OpDef description
         * @property {boolean|null} [isCommutative] OpDef isCommutative
         * @property {boolean|null} [isAggregate] OpDef isAggregate
         * @property {boolean|null} [isStateful] OpDef isStateful
         * @property {boolean|null} [allowsUninitializedInput] OpDef allowsUninitializedInput
         * @property {boolean|null} [isDistributedCommunication] OpDef isDistributedCommunication
         */

        /**
         * Constructs a new OpDef.
         * @memberof tensorflow
         * @classdesc Represents an OpDef.
         * @implements IOpDef
         * @constructor
         * @param {tensorflow.IOpDef=} [properties] Properties to set
         */
        function OpDef(properties) {
            this.inputArg = [];
            this.outputArg = [];
            this.controlOutput = [];
            this.attr = [];
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * OpDef name.
         * @member {string} name
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.name = "";

        /**
         * OpDef inputArg.
         * @member {Array.<tensorflow.OpDef.IArgDef>} inputArg
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.inputArg = $util.emptyArray;

        /**
         * OpDef outputArg.
         * @member {Array.<tensorflow.OpDef.IArgDef>} outputArg
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.outputArg = $util.emptyArray;

        /**
         * OpDef controlOutput.
         * @member {Array.<string>} controlOutput
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.controlOutput = $util.emptyArray;

        /**
         * OpDef attr.
         * @member {Array.<tensorflow.OpDef.IAttrDef>} attr
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.attr = $util.emptyArray;

        /**
         * OpDef deprecation.
         * @member {tensorflow.IOpDeprecation|null|undefined} deprecation
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.deprecation = null;

        /**
         * OpDef summary.
         * @member {string} summary
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.summary = "";

        /**
         * OpDef description.
         * @member {string} description
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.description = "";

        /**
         * OpDef isCommutative.
         * @member {boolean} isCommutative
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.isCommutative = false;

        /**
         * OpDef isAggregate.
         * @member {boolean} isAggregate
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.isAggregate = false;

        /**
         * OpDef isStateful.
         * @member {boolean} isStateful
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.isStateful = false;

        /**
         * OpDef allowsUninitializedInput.
         * @member {boolean} allowsUninitializedInput
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.allowsUninitializedInput = false;

        /**
         * OpDef isDistributedCommunication.
         * @member {boolean} isDistributedCommunication
         * @memberof tensorflow.OpDef
         * @instance
         */
        OpDef.prototype.isDistributedCommunication = false;

        /**
         * Encodes the specified OpDef message. Does not implicitly {@link tensorflow.OpDef.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.OpDef
         * @static
         * @param {tensorflow.IOpDef} message OpDef message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpDef.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.inputArg != null && message.inputArg.length)
                for (let i = 0; i < message.inputArg.length; ++i)
                    $root.tensorflow.OpDef.ArgDef.encode(message.inputArg[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            if (message.outputArg != null && message.outputArg.length)
                for (let i = 0; i < message.outputArg.length; ++i)
                    $root.tensorflow.OpDef.ArgDef.encode(message.outputArg[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
            if (message.attr != null && message.attr.length)
                for (let i = 0; i < message.attr.length; ++i)
                    $root.tensorflow.OpDef.AttrDef.encode(message.attr[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
            if (message.summary != null && Object.hasOwnProperty.call(message, "summary"))
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.summary);
            if (message.description != null && Object.hasOwnProperty.call(message, "description"))
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.description);
            if (message.deprecation != null && Object.hasOwnProperty.call(message, "deprecation"))
                $root.tensorflow.OpDeprecation.encode(message.deprecation, writer.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
            if (message.isAggregate != null && Object.hasOwnProperty.call(message, "isAggregate"))
                writer.uint32(/* id 16, wireType 0 =*/128).bool(message.isAggregate);
            if (message.isStateful != null && Object.hasOwnProperty.call(message, "isStateful"))
                writer.uint32(/* id 17, wireType 0 =*/136).bool(message.isStateful);
            if (message.isCommutative != null && Object.hasOwnProperty.call(message, "isCommutative"))
                writer.uint32(/* id 18, wireType 0 =*/144).bool(message.isCommutative);
            if (message.allowsUninitializedInput != null && Object.hasOwnProperty.call(message, "allowsUninitializedInput"))
                writer.uint32(/* id 19, wireType 0 =*/152).bool(message.allowsUninitializedInput);
            if (message.controlOutput != null && message.controlOutput.length)
                for (let i = 0; i < message.controlOutput.length; ++i)
                    writer.uint32(/* id 20, wireType 2 =*/162).string(message.controlOutput[i]);
            if (message.isDistributedCommunication != null && Object.hasOwnProperty.call(message, "isDistributedCommunication"))
                writer.uint32(/* id 21, wireType 0 =*/168).bool(message.isDistributedCommunication);
            return writer;
        };

        /**
         * Decodes an OpDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.OpDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.OpDef} OpDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpDef.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.OpDef();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        message.name = reader.string();
                        break;
                    }
                case 2: {
                        if (!(message.inputArg && message.inputArg.length))
                            message.inputArg = [];
                        message.inputArg.push($root.tensorflow.OpDef.ArgDef.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                case 3: {
                        if (!(message.outputArg && message.outputArg.length))
                            message.outputArg = [];
                        message.outputArg.push($root.tensorflow.OpDef.ArgDef.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                case 20: {
                        if (!(message.controlOutput && message.controlOutput.length))
                            message.controlOutput = [];
                        message.controlOutput.push(reader.string());
                        break;
                    }
                case 4: {
                        if (!(message.attr && message.attr.length))
                            message.attr = [];
                        message.attr.push($root.tensorflow.OpDef.AttrDef.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                case 8: {
                        message.deprecation = $root.tensorflow.OpDeprecation.decode(reader, reader.uint32(), undefined, long + 1);
                        break;
                    }
                case 5: {
                        message.summary = reader.string();
                        break;
                    }
                case 6: {
                        message.description = reader.string();
                        break;
                    }
                case 18: {
                        message.isCommutative = reader.bool();
                        break;
                    }
                case 16: {
                        message.isAggregate = reader.bool();
                        break;
                    }
                case 17: {
                        message.isStateful = reader.bool();
                        break;
                    }
                case 19: {
                        message.allowsUninitializedInput = reader.bool();
                        break;
                    }
                case 21: {
                        message.isDistributedCommunication = reader.bool();
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates an OpDef message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.OpDef
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.OpDef} OpDef
         */
        OpDef.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.OpDef)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.OpDef: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.OpDef();
            if (object.name != null)
                message.name = String(object.name);
            if (object.inputArg) {
                if (!Array.isArray(object.inputArg))
                    throw TypeError(".tensorflow.OpDef.inputArg: array expected");
                message.inputArg = [];
                for (let i = 0; i < object.inputArg.length; ++i) {
                    if (!$util.isObject(object.inputArg[i]))
                        throw TypeError(".tensorflow.OpDef.inputArg: object expected");
                    message.inputArg[i] = $root.tensorflow.OpDef.ArgDef.fromObject(object.inputArg[i], long + 1);
                }
            }
            if (object.outputArg) {
                if (!Array.isArray(object.outputArg))
                    throw TypeError(".tensorflow.OpDef.outputArg: array expected");
                message.outputArg = [];
                for (let i = 0; i < object.outputArg.length; ++i) {
                    if (!$util.isObject(object.outputArg[i]))
                        throw TypeError(".tensorflow.OpDef.outputArg: object expected");
                    message.outputArg[i] = $root.tensorflow.OpDef.ArgDef.fromObject(object.outputArg[i], long + 1);
                }
            }
            if (object.controlOutput) {
                if (!Array.isArray(object.controlOutput))
                    throw TypeError(".tensorflow.OpDef.controlOutput: array expected");
                message.controlOutput = [];
                for (let i = 0; i < object.controlOutput.length; ++i)
                    message.controlOutput[i] = String(object.controlOutput[i]);
            }
            if (object.attr) {
                if (!Array.isArray(object.attr))
                    throw TypeError(".tensorflow.OpDef.attr: array expected");
                message.attr = [];
                for (let i = 0; i < object.attr.length; ++i) {
                    if (!$util.isObject(object.attr[i]))
                        throw TypeError(".tensorflow.OpDef.attr: object expected");
                    message.attr[i] = $root.tensorflow.OpDef.AttrDef.fromObject(object.attr[i], long + 1);
                }
            }
            if (object.deprecation != null) {
                if (!$util.isObject(object.deprecation))
                    throw TypeError(".tensorflow.OpDef.deprecation: object expected");
                message.deprecation = $root.tensorflow.OpDeprecation.fromObject(object.deprecation, long + 1);
            }
            if (object.summary != null)
                message.summary = String(object.summary);
            if (object.description != null)
                message.description = String(object.description);
            if (object.isCommutative != null)
                message.isCommutative = Boolean(object.isCommutative);
            if (object.isAggregate != null)
                message.isAggregate = Boolean(object.isAggregate);
            if (object.isStateful != null)
                message.isStateful = Boolean(object.isStateful);
            if (object.allowsUninitializedInput != null)
                message.allowsUninitializedInput = Boolean(object.allowsUninitializedInput);
            if (object.isDistributedCommunication != null)
                message.isDistributedCommunication = Boolean(object.isDistributedCommunication);
            return message;
        };

        /**
         * Creates a plain object from an OpDef message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.OpDef
         * @static
         * @param {tensorflow.OpDef} message OpDef
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OpDef.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults) {
                object.inputArg = [];
                object.outputArg = [];
                object.attr = [];
                object.controlOutput = [];
            }
            if (options.defaults) {
                object.name = "";
                object.summary = "";
                object.description = "";
                object.deprecation = null;
                object.isAggregate = false;
                object.isStateful = false;
                object.isCommutative = false;
                object.allowsUninitializedInput = false;
                object.isDistributedCommunication = false;
            }
            if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                object.name = message.name;
            if (message.inputArg && message.inputArg.length) {
                object.inputArg = [];
                for (let j = 0; j < message.inputArg.length; ++j)
                    object.inputArg[j] = $root.tensorflow.OpDef.ArgDef.toObject(message.inputArg[j], options, q + 1);
            }
            if (message.outputArg && message.outputArg.length) {
                object.outputArg = [];
                for (let j = 0; j < message.outputArg.length; ++j)
                    object.outputArg[j] = $root.tensorflow.OpDef.ArgDef.toObject(message.outputArg[j], options, q + 1);
            }
            if (message.attr && message.attr.length) {
                object.attr = [];
                for (let j = 0; j < message.attr.length; ++j)
                    object.attr[j] = $root.tensorflow.OpDef.AttrDef.toObject(message.attr[j], options, q + 1);
            }
            if (message.summary != null && Object.hasOwnProperty.call(message, "summary"))
                object.summary = message.summary;
            if (message.description != null && Object.hasOwnProperty.call(message, "description"))
                object.description = message.description;
            if (message.deprecation != null && Object.hasOwnProperty.call(message, "deprecation"))
                object.deprecation = $root.tensorflow.OpDeprecation.toObject(message.deprecation, options, q + 1);
            if (message.isAggregate != null && Object.hasOwnProperty.call(message, "isAggregate"))
                object.isAggregate = message.isAggregate;
            if (message.isStateful != null && Object.hasOwnProperty.call(message, "isStateful"))
                object.isStateful = message.isStateful;
            if (message.isCommutative != null && Object.hasOwnProperty.call(message, "isCommutative"))
                object.isCommutative = message.isCommutative;
            if (message.allowsUninitializedInput != null && Object.hasOwnProperty.call(message, "allowsUninitializedInput"))
                object.allowsUninitializedInput = message.allowsUninitializedInput;
            if (message.controlOutput && message.controlOutput.length) {
                object.controlOutput = [];
                for (let j = 0; j < message.controlOutput.length; ++j)
                    object.controlOutput[j] = message.controlOutput[j];
            }
            if (message.isDistributedCommunication != null && Object.hasOwnProperty.call(message, "isDistributedCommunication"))
                object.isDistributedCommunication = message.isDistributedCommunication;
            return object;
        };

        /**
         * Converts this OpDef to JSON.
         * @function toJSON
         * @memberof tensorflow.OpDef
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OpDef.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        OpDef.ArgDef = (function() {

            /**
             * Properties of an ArgDef.
             * @memberof tensorflow.OpDef
             * @interface IArgDef
             * @property {string|null} [name] ArgDef name
             * @property {string|null} [description] ArgDef description
             * @property {tensorflow.DataType|null} [type] ArgDef type
             * @property {string|null} [typeAttr] ArgDef typeAttr
             * @property {string|null} [numberAttr] ArgDef numberAttr
             * @property {string|null} [typeListAttr] ArgDef typeListAttr
             * @property {Array.<tensorflow.ResourceHandleProto.IDtypeAndShape>|null} [handleData] ArgDef handleData
             * @property {boolean|null} [isRef] ArgDef isRef
             * @property {tensorflow.IFullTypeDef|null} [experimentalFullType] ArgDef experimentalFullType
             */

            /**
             * Constructs a new ArgDef.
             * @memberof tensorflow.OpDef
             * @classdesc Represents an ArgDef.
             * @implements IArgDef
             * @constructor
             * @param {tensorflow.OpDef.IArgDef=} [properties] Properties to set
             */
            function ArgDef(properties) {
                this.handleData = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ArgDef name.
             * @member {string} name
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.name = "";

            /**
             * ArgDef description.
             * @member {string} description
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.description = "";

            /**
             * ArgDef type.
             * @member {tensorflow.DataType} type
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.type = 0;

            /**
             * ArgDef typeAttr.
             * @member {string} typeAttr
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.typeAttr = "";

            /**
             * ArgDef numberAttr.
             * @member {string} numberAttr
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.numberAttr = "";

            /**
             * ArgDef typeListAttr.
             * @member {string} typeListAttr
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.typeListAttr = "";

            /**
             * ArgDef handleData.
             * @member {Array.<tensorflow.ResourceHandleProto.IDtypeAndShape>} handleData
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.handleData = $util.emptyArray;

            /**
             * ArgDef isRef.
             * @member {boolean} isRef
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.isRef = false;

            /**
             * ArgDef experimentalFullType.
             * @member {tensorflow.IFullTypeDef|null|undefined} experimentalFullType
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             */
            ArgDef.prototype.experimentalFullType = null;

            /**
             * Encodes the specified ArgDef message. Does not implicitly {@link tensorflow.OpDef.ArgDef.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.OpDef.ArgDef
             * @static
             * @param {tensorflow.OpDef.IArgDef} message ArgDef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ArgDef.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.description != null && Object.hasOwnProperty.call(message, "description"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.description);
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.type);
                if (message.typeAttr != null && Object.hasOwnProperty.call(message, "typeAttr"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.typeAttr);
                if (message.numberAttr != null && Object.hasOwnProperty.call(message, "numberAttr"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.numberAttr);
                if (message.typeListAttr != null && Object.hasOwnProperty.call(message, "typeListAttr"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.typeListAttr);
                if (message.handleData != null && message.handleData.length)
                    for (let i = 0; i < message.handleData.length; ++i)
                        $root.tensorflow.ResourceHandleProto.DtypeAndShape.encode(message.handleData[i], writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (message.isRef != null && Object.hasOwnProperty.call(message, "isRef"))
                    writer.uint32(/* id 16, wireType 0 =*/128).bool(message.isRef);
                if (message.experimentalFullType != null && Object.hasOwnProperty.call(message, "experimentalFullType"))
                    $root.tensorflow.FullTypeDef.encode(message.experimentalFullType, writer.uint32(/* id 17, wireType 2 =*/138).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an ArgDef message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.OpDef.ArgDef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.OpDef.ArgDef} ArgDef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ArgDef.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.tensorflow.OpDef.ArgDef();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            message.description = reader.string();
                            break;
                        }
                    case 3: {
                            message.type = reader.int32();
                            break;
                        }
                    case 4: {
                            message.typeAttr = reader.string();
                            break;
                        }
                    case 5: {
                            message.numberAttr = reader.string();
                            break;
                        }
                    case 6: {
                            message.typeListAttr = reader.string();
                            break;
                        }
                    case 7: {
                            if (!(message.handleData && message.handleData.length))
                                message.handleData = [];
                            message.handleData.push($root.tensorflow.ResourceHandleProto.DtypeAndShape.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 16: {
                            message.isRef = reader.bool();
                            break;
                        }
                    case 17: {
                            message.experimentalFullType = $root.tensorflow.FullTypeDef.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an ArgDef message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorflow.OpDef.ArgDef
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorflow.OpDef.ArgDef} ArgDef
             */
            ArgDef.fromObject = function fromObject(object, long) {
                if (object instanceof $root.tensorflow.OpDef.ArgDef)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".tensorflow.OpDef.ArgDef: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.tensorflow.OpDef.ArgDef();
                if (object.name != null)
                    message.name = String(object.name);
                if (object.description != null)
                    message.description = String(object.description);
                switch (object.type) {
                default:
                    if (typeof object.type === "number") {
                        message.type = object.type;
                        break;
                    }
                    break;
                case "DT_INVALID":
                case 0:
                    message.type = 0;
                    break;
                case "DT_FLOAT":
                case 1:
                    message.type = 1;
                    break;
                case "DT_DOUBLE":
                case 2:
                    message.type = 2;
                    break;
                case "DT_INT32":
                case 3:
                    message.type = 3;
                    break;
                case "DT_UINT8":
                case 4:
                    message.type = 4;
                    break;
                case "DT_INT16":
                case 5:
                    message.type = 5;
                    break;
                case "DT_INT8":
                case 6:
                    message.type = 6;
                    break;
                case "DT_STRING":
                case 7:
                    message.type = 7;
                    break;
                case "DT_COMPLEX64":
                case 8:
                    message.type = 8;
                    break;
                case "DT_INT64":
                case 9:
                    message.type = 9;
                    break;
                case "DT_BOOL":
                case 10:
                    message.type = 10;
                    break;
                case "DT_QINT8":
                case 11:
                    message.type = 11;
                    break;
                case "DT_QUINT8":
                case 12:
                    message.type = 12;
                    break;
                case "DT_QINT32":
                case 13:
                    message.type = 13;
                    break;
                case "DT_BFLOAT16":
                case 14:
                    message.type = 14;
                    break;
                case "DT_QINT16":
                case 15:
                    message.type = 15;
                    break;
                case "DT_QUINT16":
                case 16:
                    message.type = 16;
                    break;
                case "DT_UINT16":
                case 17:
                    message.type = 17;
                    break;
                case "DT_COMPLEX128":
                case 18:
                    message.type = 18;
                    break;
                case "DT_HALF":
                case 19:
                    message.type = 19;
                    break;
                case "DT_RESOURCE":
                case 20:
                    message.type = 20;
                    break;
                case "DT_VARIANT":
                case 21:
                    message.type = 21;
                    break;
                case "DT_UINT32":
                case 22:
                    message.type = 22;
                    break;
                case "DT_UINT64":
                case 23:
                    message.type = 23;
                    break;
                case "DT_FLOAT_REF":
                case 101:
                    message.type = 101;
                    break;
                case "DT_DOUBLE_REF":
                case 102:
                    message.type = 102;
                    break;
                case "DT_INT32_REF":
                case 103:
                    message.type = 103;
                    break;
                case "DT_UINT8_REF":
                case 104:
                    message.type = 104;
                    break;
                case "DT_INT16_REF":
                case 105:
                    message.type = 105;
                    break;
                case "DT_INT8_REF":
                case 106:
                    message.type = 106;
                    break;
                case "DT_STRING_REF":
                case 107:
                    message.type = 107;
                    break;
                case "DT_COMPLEX64_REF":
                case 108:
                    message.type = 108;
                    break;
                case "DT_INT64_REF":
                case 109:
                    message.type = 109;
                    break;
                case "DT_BOOL_REF":
                case 110:
                    message.type = 110;
                    break;
                case "DT_QINT8_REF":
                case 111:
                    message.type = 111;
                    break;
                case "DT_QUINT8_REF":
                case 112:
                    message.type = 112;
                    break;
                case "DT_QINT32_REF":
                case 113:
                    message.type = 113;
                    break;
                case "DT_BFLOAT16_REF":
                case 114:
                    message.type = 114;
                    break;
                case "DT_QINT16_REF":
                case 115:
                    message.type = 115;
                    break;
                case "DT_QUINT16_REF":
                case 116:
                    message.type = 116;
                    break;
                case "DT_UINT16_REF":
                case 117:
                    message.type = 117;
                    break;
                case "DT_COMPLEX128_REF":
                case 118:
                    message.type = 118;
                    break;
                case "DT_HALF_REF":
                case 119:
                    message.type = 119;
                    break;
                case "DT_RESOURCE_REF":
                case 120:
                    message.type = 120;
                    break;
                case "DT_VARIANT_REF":
                case 121:
                    message.type = 121;
                    break;
                case "DT_UINT32_REF":
                case 122:
                    message.type = 122;
                    break;
                case "DT_UINT64_REF":
                case 123:
                    message.type = 123;
                    break;
                }
                if (object.typeAttr != null)
                    message.typeAttr = String(object.typeAttr);
                if (object.numberAttr != null)
                    message.numberAttr = String(object.numberAttr);
                if (object.typeListAttr != null)
                    message.typeListAttr = String(object.typeListAttr);
                if (object.handleData) {
                    if (!Array.isArray(object.handleData))
                        throw TypeError(".tensorflow.OpDef.ArgDef.handleData: array expected");
                    message.handleData = [];
                    for (let i = 0; i < object.handleData.length; ++i) {
                        if (!$util.isObject(object.handleData[i]))
                            throw TypeError(".tensorflow.OpDef.ArgDef.handleData: object expected");
                        message.handleData[i] = $root.tensorflow.ResourceHandleProto.DtypeAndShape.fromObject(object.handleData[i], long + 1);
                    }
                }
                if (object.isRef != null)
                    message.isRef = Boolean(object.isRef);
                if (object.experimentalFullType != null) {
                    if (!$util.isObject(object.experimentalFullType))
                        throw TypeError(".tensorflow.OpDef.ArgDef.experimentalFullType: object expected");
                    message.experimentalFullType = $root.tensorflow.FullTypeDef.fromObject(object.experimentalFullType, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an ArgDef message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorflow.OpDef.ArgDef
             * @static
             * @param {tensorflow.OpDef.ArgDef} message ArgDef
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ArgDef.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.handleData = [];
                if (options.defaults) {
                    object.name = "";
                    object.description = "";
                    object.type = options.enums === String ? "DT_INVALID" : 0;
                    object.typeAttr = "";
                    object.numberAttr = "";
                    object.typeListAttr = "";
                    object.isRef = false;
                    object.experimentalFullType = null;
                }
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.description != null && Object.hasOwnProperty.call(message, "description"))
                    object.description = message.description;
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    object.type = options.enums === String ? $root.tensorflow.DataType[message.type] === undefined ? message.type : $root.tensorflow.DataType[message.type] : message.type;
                if (message.typeAttr != null && Object.hasOwnProperty.call(message, "typeAttr"))
                    object.typeAttr = message.typeAttr;
                if (message.numberAttr != null && Object.hasOwnProperty.call(message, "numberAttr"))
                    object.numberAttr = message.numberAttr;
                if (message.typeListAttr != null && Object.hasOwnProperty.call(message, "typeListAttr"))
                    object.typeListAttr = message.typeListAttr;
                if (message.handleData && message.handleData.length) {
                    object.handleData = [];
                    for (let j = 0; j < message.handleData.length; ++j)
                        object.handleData[j] = $root.tensorflow.ResourceHandleProto.DtypeAndShape.toObject(message.handleData[j], options, q + 1);
                }
                if (message.isRef != null && Object.hasOwnProperty.call(message, "isRef"))
                    object.isRef = message.isRef;
                if (message.experimentalFullType != null && Object.hasOwnProperty.call(message, "experimentalFullType"))
                    object.experimentalFullType = $root.tensorflow.FullTypeDef.toObject(message.experimentalFullType, options, q + 1);
                return object;
            };

            /**
             * Converts this ArgDef to JSON.
             * @function toJSON
             * @memberof tensorflow.OpDef.ArgDef
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ArgDef.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ArgDef;
        })();

        OpDef.AttrDef = (function() {

            /**
             * Properties of an AttrDef.
             * @memberof tensorflow.OpDef
             * @interface IAttrDef
             * @property {string|null} [name] AttrDef name
             * @property {string|null} [type] AttrDef type
             * @property {tensorflow.IAttrValue|null} [defaultValue] AttrDef defaultValue
             * @property {string|null} [description] AttrDef description
             * @property {boolean|null} [hasMinimum] AttrDef hasMinimum
             * @property {number|Long|null} [minimum] AttrDef minimum
             * @property {tensorflow.IAttrValue|null} [allowedValues] AttrDef allowedValues
             */

            /**
             * Constructs a new AttrDef.
             * @memberof tensorflow.OpDef
             * @classdesc Represents an AttrDef.
             * @implements IAttrDef
             * @constructor
             * @param {tensorflow.OpDef.IAttrDef=} [properties] Properties to set
             */
            function AttrDef(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * AttrDef name.
             * @member {string} name
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.name = "";

            /**
             * AttrDef type.
             * @member {string} type
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.type = "";

            /**
             * AttrDef defaultValue.
             * @member {tensorflow.IAttrValue|null|undefined} defaultValue
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.defaultValue = null;

            /**
             * AttrDef description.
             * @member {string} description
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.description = "";

            /**
             * AttrDef hasMinimum.
             * @member {boolean} hasMinimum
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.hasMinimum = false;

            /**
             * AttrDef minimum.
             * @member {number|Long} minimum
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.minimum = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * AttrDef allowedValues.
             * @member {tensorflow.IAttrValue|null|undefined} allowedValues
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             */
            AttrDef.prototype.allowedValues = null;

            /**
             * Encodes the specified AttrDef message. Does not implicitly {@link tensorflow.OpDef.AttrDef.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.OpDef.AttrDef
             * @static
             * @param {tensorflow.OpDef.IAttrDef} message AttrDef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AttrDef.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.type);
                if (message.defaultValue != null && Object.hasOwnProperty.call(message, "defaultValue"))
                    $root.tensorflow.AttrValue.encode(message.defaultValue, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.description != null && Object.hasOwnProperty.call(message, "description"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.description);
                if (message.hasMinimum != null && Object.hasOwnProperty.call(message, "hasMinimum"))
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.hasMinimum);
                if (message.minimum != null && Object.hasOwnProperty.call(message, "minimum"))
                    writer.uint32(/* id 6, wireType 0 =*/48).int64(message.minimum);
                if (message.allowedValues != null && Object.hasOwnProperty.call(message, "allowedValues"))
                    $root.tensorflow.AttrValue.encode(message.allowedValues, writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an AttrDef message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.OpDef.AttrDef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.OpDef.AttrDef} AttrDef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AttrDef.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.tensorflow.OpDef.AttrDef();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            message.type = reader.string();
                            break;
                        }
                    case 3: {
                            message.defaultValue = $root.tensorflow.AttrValue.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 4: {
                            message.description = reader.string();
                            break;
                        }
                    case 5: {
                            message.hasMinimum = reader.bool();
                            break;
                        }
                    case 6: {
                            message.minimum = reader.int64();
                            break;
                        }
                    case 7: {
                            message.allowedValues = $root.tensorflow.AttrValue.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Creates an AttrDef message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorflow.OpDef.AttrDef
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorflow.OpDef.AttrDef} AttrDef
             */
            AttrDef.fromObject = function fromObject(object, long) {
                if (object instanceof $root.tensorflow.OpDef.AttrDef)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".tensorflow.OpDef.AttrDef: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.tensorflow.OpDef.AttrDef();
                if (object.name != null)
                    message.name = String(object.name);
                if (object.type != null)
                    message.type = String(object.type);
                if (object.defaultValue != null) {
                    if (!$util.isObject(object.defaultValue))
                        throw TypeError(".tensorflow.OpDef.AttrDef.defaultValue: object expected");
                    message.defaultValue = $root.tensorflow.AttrValue.fromObject(object.defaultValue, long + 1);
                }
                if (object.description != null)
                    message.description = String(object.description);
                if (object.hasMinimum != null)
                    message.hasMinimum = Boolean(object.hasMinimum);
                if (object.minimum != null)
                    if ($util.Long)
                        message.minimum = $util.Long.fromValue(object.minimum, false);
                    else if (typeof object.minimum === "string")
                        message.minimum = parseInt(object.minimum, 10);
                    else if (typeof object.minimum === "number")
                        message.minimum = object.minimum;
                    else if (typeof object.minimum === "object")
                        message.minimum = new $util.LongBits(object.minimum.low >>> 0, object.minimum.high >>> 0).toNumber();
                if (object.allowedValues != null) {
                    if (!$util.isObject(object.allowedValues))
                        throw TypeError(".tensorflow.OpDef.AttrDef.allowedValues: object expected");
                    message.allowedValues = $root.tensorflow.AttrValue.fromObject(object.allowedValues, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an AttrDef message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorflow.OpDef.AttrDef
             * @static
             * @param {tensorflow.OpDef.AttrDef} message AttrDef
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AttrDef.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.type = "";
                    object.defaultValue = null;
                    object.description = "";
                    object.hasMinimum = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.minimum = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.minimum = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.allowedValues = null;
                }
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    object.type = message.type;
                if (message.defaultValue != null && Object.hasOwnProperty.call(message, "defaultValue"))
                    object.defaultValue = $root.tensorflow.AttrValue.toObject(message.defaultValue, options, q + 1);
                if (message.description != null && Object.hasOwnProperty.call(message, "description"))
                    object.description = message.description;
                if (message.hasMinimum != null && Object.hasOwnProperty.call(message, "hasMinimum"))
                    object.hasMinimum = message.hasMinimum;
                if (message.minimum != null && Object.hasOwnProperty.call(message, "minimum"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.minimum = typeof message.minimum === "number" ? BigInt(message.minimum) : $util.Long.fromBits(message.minimum.low >>> 0, message.minimum.high >>> 0, false).toBigInt();
                    else if (typeof message.minimum === "number")
                        object.minimum = options.longs === String ? String(message.minimum) : message.minimum;
                    else
                        object.minimum = options.longs === String ? $util.Long.prototype.toString.call(message.minimum) : options.longs === Number ? new $util.LongBits(message.minimum.low >>> 0, message.minimum.high >>> 0).toNumber() : message.minimum;
                if (message.allowedValues != null && Object.hasOwnProperty.call(message, "allowedValues"))
                    object.allowedValues = $root.tensorflow.AttrValue.toObject(message.allowedValues, options, q + 1);
                return object;
            };

            /**
             * Converts this AttrDef to JSON.
             * @function toJSON
             * @memberof tensorflow.OpDef.AttrDef
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AttrDef.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AttrDef;
        })();

        return OpDef;
    })();

    tensorflow.OpDeprecation = (function() {

        /**
         * Properties of an OpDeprecation.
         * @memberof tensorflow
         * @interface IOpDeprecation
         * @property {number|null} [version] OpDeprecation version
         * @property {string|null} [explanation] OpDeprecation explanation
         */

        /**
         * Constructs a new OpDeprecation.
         * @memberof tensorflow
         * @classdesc Represents an OpDeprecation.
         * @implements IOpDeprecation
         * @constructor
         * @param {tensorflow.IOpDeprecation=} [properties] Properties to set
         */
        function OpDeprecation(properties) {
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * OpDeprecation version.
         * @member {number} version
         * @memberof tensorflow.OpDeprecation
         * @instance
         */
        OpDeprecation.prototype.version = 0;

        /**
         * OpDeprecation explanation.
         * @member {string} explanation
         * @memberof tensorflow.OpDeprecation
         * @instance
         */
        OpDeprecation.prototype.explanation = "";

        /**
         * Encodes the specified OpDeprecation message. Does not implicitly {@link tensorflow.OpDeprecation.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.OpDeprecation
         * @static
         * @param {tensorflow.IOpDeprecation} message OpDeprecation message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpDeprecation.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.version);
            if (message.explanation != null && Object.hasOwnProperty.call(message, "explanation"))
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.explanation);
            return writer;
        };

        /**
         * Decodes an OpDeprecation message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.OpDeprecation
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.OpDeprecation} OpDeprecation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpDeprecation.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.OpDeprecation();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        message.version = reader.int32();
                        break;
                    }
                case 2: {
                        message.explanation = reader.string();
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates an OpDeprecation message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.OpDeprecation
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.OpDeprecation} OpDeprecation
         */
        OpDeprecation.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.OpDeprecation)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.OpDeprecation: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.OpDeprecation();
            if (object.version != null)
                message.version = object.version | 0;
            if (object.explanation != null)
                message.explanation = String(object.explanation);
            return message;
        };

        /**
         * Creates a plain object from an OpDeprecation message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.OpDeprecation
         * @static
         * @param {tensorflow.OpDeprecation} message OpDeprecation
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OpDeprecation.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.version = 0;
                object.explanation = "";
            }
            if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                object.version = message.version;
            if (message.explanation != null && Object.hasOwnProperty.call(message, "explanation"))
                object.explanation = message.explanation;
            return object;
        };

        /**
         * Converts this OpDeprecation to JSON.
         * @function toJSON
         * @memberof tensorflow.OpDeprecation
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OpDeprecation.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        return OpDeprecation;
    })();

    tensorflow.OpList = (function() {

        /**
         * Properties of an OpList.
         * @memberof tensorflow
         * @interface IOpList
         * @property {Array.<tensorflow.IOpDef>|null} [op] OpList op
         */

        /**
         * Constructs a new OpList.
         * @memberof tensorflow
         * @classdesc Represents an OpList.
         * @implements IOpList
         * @constructor
         * @param {tensorflow.IOpList=} [properties] Properties to set
         */
        function OpList(properties) {
            this.op = [];
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * OpList op.
         * @member {Array.<tensorflow.IOpDef>} op
         * @memberof tensorflow.OpList
         * @instance
         */
        OpList.prototype.op = $util.emptyArray;

        /**
         * Encodes the specified OpList message. Does not implicitly {@link tensorflow.OpList.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.OpList
         * @static
         * @param {tensorflow.IOpList} message OpList message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpList.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.op != null && message.op.length)
                for (let i = 0; i < message.op.length; ++i)
                    $root.tensorflow.OpDef.encode(message.op[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
            return writer;
        };

        /**
         * Decodes an OpList message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.OpList
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.OpList} OpList
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpList.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.OpList();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        if (!(message.op && message.op.length))
                            message.op = [];
                        message.op.push($root.tensorflow.OpDef.decode(reader, reader.uint32(), undefined, long + 1));
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates an OpList message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.OpList
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.OpList} OpList
         */
        OpList.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.OpList)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.OpList: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.OpList();
            if (object.op) {
                if (!Array.isArray(object.op))
                    throw TypeError(".tensorflow.OpList.op: array expected");
                message.op = [];
                for (let i = 0; i < object.op.length; ++i) {
                    if (!$util.isObject(object.op[i]))
                        throw TypeError(".tensorflow.OpList.op: object expected");
                    message.op[i] = $root.tensorflow.OpDef.fromObject(object.op[i], long + 1);
                }
            }
            return message;
        };

        /**
         * Creates a plain object from an OpList message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.OpList
         * @static
         * @param {tensorflow.OpList} message OpList
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OpList.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.op = [];
            if (message.op && message.op.length) {
                object.op = [];
                for (let j = 0; j < message.op.length; ++j)
                    object.op[j] = $root.tensorflow.OpDef.toObject(message.op[j], options, q + 1);
            }
            return object;
        };

        /**
         * Converts this OpList to JSON.
         * @function toJSON
         * @memberof tensorflow.OpList
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OpList.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        return OpList;
    })();

    tensorflow.VersionDef = (function() {

        /**
         * Properties of a VersionDef.
         * @memberof tensorflow
         * @interface IVersionDef
         * @property {number|null} [producer] VersionDef producer
         * @property {number|null} [minConsumer] VersionDef minConsumer
         * @property {Array.<number>|null} [badConsumers] VersionDef badConsumers
         */

        /**
         * Constructs a new VersionDef.
         * @memberof tensorflow
         * @classdesc Represents a VersionDef.
         * @implements IVersionDef
         * @constructor
         * @param {tensorflow.IVersionDef=} [properties] Properties to set
         */
        function VersionDef(properties) {
            this.badConsumers = [];
            if (properties)
                for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        }

        /**
         * VersionDef producer.
         * @member {number} producer
         * @memberof tensorflow.VersionDef
         * @instance
         */
        VersionDef.prototype.producer = 0;

        /**
         * VersionDef minConsumer.
         * @member {number} minConsumer
         * @memberof tensorflow.VersionDef
         * @instance
         */
        VersionDef.prototype.minConsumer = 0;

        /**
         * VersionDef badConsumers.
         * @member {Array.<number>} badConsumers
         * @memberof tensorflow.VersionDef
         * @instance
         */
        VersionDef.prototype.badConsumers = $util.emptyArray;

        /**
         * Encodes the specified VersionDef message. Does not implicitly {@link tensorflow.VersionDef.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.VersionDef
         * @static
         * @param {tensorflow.IVersionDef} message VersionDef message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VersionDef.encode = function encode(message, writer, q) {
            if (!writer)
                writer = $Writer.create();
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            if (message.producer != null && Object.hasOwnProperty.call(message, "producer"))
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.producer);
            if (message.minConsumer != null && Object.hasOwnProperty.call(message, "minConsumer"))
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.minConsumer);
            if (message.badConsumers != null && message.badConsumers.length) {
                writer.uint32(/* id 3, wireType 2 =*/26).fork();
                for (let i = 0; i < message.badConsumers.length; ++i)
                    writer.int32(message.badConsumers[i]);
                writer.ldelim();
            }
            return writer;
        };

        /**
         * Decodes a VersionDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.VersionDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.VersionDef} VersionDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VersionDef.decode = function decode(reader, length, error, long) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (long === undefined)
                long = 0;
            if (long > $Reader.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let end, message;
            if (length === undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = new $root.tensorflow.VersionDef();
            while (reader.pos < end) {
                let tag = reader.uint32();
                if (tag === error)
                    break;
                switch (tag >>> 3) {
                case 1: {
                        message.producer = reader.int32();
                        break;
                    }
                case 2: {
                        message.minConsumer = reader.int32();
                        break;
                    }
                case 3: {
                        if (!(message.badConsumers && message.badConsumers.length))
                            message.badConsumers = [];
                        if ((tag & 7) === 2) {
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            while (reader.pos < end2)
                                message.badConsumers.push(reader.int32());
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                        } else
                            message.badConsumers.push(reader.int32());
                        break;
                    }
                default:
                    reader.skipType(tag & 7, long);
                    break;
                }
            }
            if (length !== undefined) {
                if (reader.pos !== end)
                    throw RangeError("index out of range");
                reader.len = length;
            }
            return message;
        };

        /**
         * Creates a VersionDef message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorflow.VersionDef
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorflow.VersionDef} VersionDef
         */
        VersionDef.fromObject = function fromObject(object, long) {
            if (object instanceof $root.tensorflow.VersionDef)
                return object;
            if (!$util.isObject(object))
                throw TypeError(".tensorflow.VersionDef: object expected");
            if (long === undefined)
                long = 0;
            if (long > $util.recursionLimit)
                throw Error("maximum nesting depth exceeded");
            let message = new $root.tensorflow.VersionDef();
            if (object.producer != null)
                message.producer = object.producer | 0;
            if (object.minConsumer != null)
                message.minConsumer = object.minConsumer | 0;
            if (object.badConsumers) {
                if (!Array.isArray(object.badConsumers))
                    throw TypeError(".tensorflow.VersionDef.badConsumers: array expected");
                message.badConsumers = [];
                for (let i = 0; i < object.badConsumers.length; ++i)
                    message.badConsumers[i] = object.badConsumers[i] | 0;
            }
            return message;
        };

        /**
         * Creates a plain object from a VersionDef message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorflow.VersionDef
         * @static
         * @param {tensorflow.VersionDef} message VersionDef
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        VersionDef.toObject = function toObject(message, options, q) {
            if (!options)
                options = {};
            if (q === undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.badConsumers = [];
            if (options.defaults) {
                object.producer = 0;
                object.minConsumer = 0;
            }
            if (message.producer != null && Object.hasOwnProperty.call(message, "producer"))
                object.producer = message.producer;
            if (message.minConsumer != null && Object.hasOwnProperty.call(message, "minConsumer"))
                object.minConsumer = message.minConsumer;
            if (message.badConsumers && message.badConsumers.length) {
                object.badConsumers = [];
                for (let j = 0; j < message.badConsumers.length; ++j)
                    object.badConsumers[j] = message.badConsumers[j];
            }
            return object;
        };

        /**
         * Converts this VersionDef to JSON.
         * @function toJSON
         * @memberof tensorflow.VersionDef
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        VersionDef.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };

        return VersionDef;
    })();

    return tensorflow;
})();

export { $root as default };
