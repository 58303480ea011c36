// GENERATED FILE — do not edit. Regenerate with packages/core/scripts/gen-proto.mjs.
// Generator: protobufjs-cli 1.3.3 (runtime protobufjs 7.6.6)
// Command (cwd = shared/schemas): pbts --no-comments graph-pb.js
// Source: TensorFlow 2.9 tensorflow/core/framework/*.proto (Apache-2.0).
import $protobuf from "protobufjs";
import Long = require("long");
export namespace tensorflow {

    interface IGraphDef {
        node?: (tensorflow.INodeDef[]|null);
        versions?: (tensorflow.IVersionDef|null);
        version?: (number|null);
        library?: (tensorflow.IFunctionDefLibrary|null);
    }

    class GraphDef implements IGraphDef {
        constructor(properties?: tensorflow.IGraphDef);
        public node: tensorflow.INodeDef[];
        public versions?: (tensorflow.IVersionDef|null);
        public version: number;
        public library?: (tensorflow.IFunctionDefLibrary|null);
        public static encode(message: tensorflow.IGraphDef, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.GraphDef;
        public static fromObject(object: { [k: string]: any }): tensorflow.GraphDef;
        public static toObject(message: tensorflow.GraphDef, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    interface IFunctionDefLibrary {
        "function"?: (tensorflow.IFunctionDef[]|null);
        gradient?: (tensorflow.IGradientDef[]|null);
        registeredGradients?: (tensorflow.IRegisteredGradient[]|null);
    }

    class FunctionDefLibrary implements IFunctionDefLibrary {
        constructor(properties?: tensorflow.IFunctionDefLibrary);
        public function: tensorflow.IFunctionDef[];
        public gradient: tensorflow.IGradientDef[];
        public registeredGradients: tensorflow.IRegisteredGradient[];
        public static encode(message: tensorflow.IFunctionDefLibrary, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.FunctionDefLibrary;
        public static fromObject(object: { [k: string]: any }): tensorflow.FunctionDefLibrary;
        public static toObject(message: tensorflow.FunctionDefLibrary, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    interface IFunctionDef {
        signature?: (tensorflow.IOpDef|null);
        attr?: ({ [k: string]: tensorflow.IAttrValue }|null);
        argAttr?: ({ [k: string]: tensorflow.FunctionDef.IArgAttrs }|null);
        resourceArgUniqueId?: ({ [k: string]: number }|null);
        nodeDef?: (tensorflow.INodeDef[]|null);
        ret?: ({ [k: string]: string }|null);
        controlRet?: ({ [k: string]: string }|null);
    }

    class FunctionDef implements IFunctionDef {
        constructor(properties?: tensorflow.IFunctionDef);
        public signature?: (tensorflow.IOpDef|null);
        public attr: { [k: string]: tensorflow.IAttrValue };
        public argAttr: { [k: string]: tensorflow.FunctionDef.IArgAttrs };
        public resourceArgUniqueId: { [k: string]: number };
        public nodeDef: tensorflow.INodeDef[];
        public ret: { [k: string]: string };
        public controlRet: { [k: string]: string };
        public static encode(message: tensorflow.IFunctionDef, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.FunctionDef;
        public static fromObject(object: { [k: string]: any }): tensorflow.FunctionDef;
        public static toObject(message: tensorflow.FunctionDef, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    namespace FunctionDef {

        interface IArgAttrs {
            attr?: ({ [k: string]: tensorflow.IAttrValue }|null);
        }

        class ArgAttrs implements IArgAttrs {
            constructor(properties?: tensorflow.FunctionDef.IArgAttrs);
            public attr: { [k: string]: tensorflow.IAttrValue };
            public static encode(message: tensorflow.FunctionDef.IArgAttrs, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.FunctionDef.ArgAttrs;
            public static fromObject(object: { [k: string]: any }): tensorflow.FunctionDef.ArgAttrs;
            public static toObject(message: tensorflow.FunctionDef.ArgAttrs, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }
    }

    interface IGradientDef {
        functionName?: (string|null);
        gradientFunc?: (string|null);
    }

    class GradientDef implements IGradientDef {
        constructor(properties?: tensorflow.IGradientDef);
        public functionName: string;
        public gradientFunc: string;
        public static encode(message: tensorflow.IGradientDef, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.GradientDef;
        public static fromObject(object: { [k: string]: any }): tensorflow.GradientDef;
        public static toObject(message: tensorflow.GradientDef, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    interface IRegisteredGradient {
        gradientFunc?: (string|null);
        registeredOpType?: (string|null);
    }

    class RegisteredGradient implements IRegisteredGradient {
        constructor(properties?: tensorflow.IRegisteredGradient);
        public gradientFunc: string;
        public registeredOpType: string;
        public static encode(message: tensorflow.IRegisteredGradient, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.RegisteredGradient;
        public static fromObject(object: { [k: string]: any }): tensorflow.RegisteredGradient;
        public static toObject(message: tensorflow.RegisteredGradient, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    interface IAttrValue {
        s?: (Uint8Array|null);
        i?: (number|Long|null);
        f?: (number|null);
        b?: (boolean|null);
        type?: (tensorflow.DataType|null);
        shape?: (tensorflow.ITensorShapeProto|null);
        tensor?: (tensorflow.ITensorProto|null);
        list?: (tensorflow.AttrValue.IListValue|null);
        func?: (tensorflow.INameAttrList|null);
        placeholder?: (string|null);
    }

    class AttrValue implements IAttrValue {
        constructor(properties?: tensorflow.IAttrValue);
        public s?: (Uint8Array|null);
        public i?: (number|Long|null);
        public f?: (number|null);
        public b?: (boolean|null);
        public type?: (tensorflow.DataType|null);
        public shape?: (tensorflow.ITensorShapeProto|null);
        public tensor?: (tensorflow.ITensorProto|null);
        public list?: (tensorflow.AttrValue.IListValue|null);
        public func?: (tensorflow.INameAttrList|null);
        public placeholder?: (string|null);
        public value?: ("s"|"i"|"f"|"b"|"type"|"shape"|"tensor"|"list"|"func"|"placeholder");
        public static encode(message: tensorflow.IAttrValue, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.AttrValue;
        public static fromObject(object: { [k: string]: any }): tensorflow.AttrValue;
        public static toObject(message: tensorflow.AttrValue, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    namespace AttrValue {

        interface IListValue {
            s?: (Uint8Array[]|null);
            i?: ((number|Long)[]|null);
            f?: (number[]|null);
            b?: (boolean[]|null);
            type?: (tensorflow.DataType[]|null);
            shape?: (tensorflow.ITensorShapeProto[]|null);
            tensor?: (tensorflow.ITensorProto[]|null);
            func?: (tensorflow.INameAttrList[]|null);
        }

        class ListValue implements IListValue {
            constructor(properties?: tensorflow.AttrValue.IListValue);
            public s: Uint8Array[];
            public i: (number|Long)[];
            public f: number[];
            public b: boolean[];
            public type: tensorflow.DataType[];
            public shape: tensorflow.ITensorShapeProto[];
            public tensor: tensorflow.ITensorProto[];
            public func: tensorflow.INameAttrList[];
            public static encode(message: tensorflow.AttrValue.IListValue, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.AttrValue.ListValue;
            public static fromObject(object: { [k: string]: any }): tensorflow.AttrValue.ListValue;
            public static toObject(message: tensorflow.AttrValue.ListValue, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }
    }

    interface INameAttrList {
        name?: (string|null);
        attr?: ({ [k: string]: tensorflow.IAttrValue }|null);
    }

    class NameAttrList implements INameAttrList {
        constructor(properties?: tensorflow.INameAttrList);
        public name: string;
        public attr: { [k: string]: tensorflow.IAttrValue };
        public static encode(message: tensorflow.INameAttrList, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.NameAttrList;
        public static fromObject(object: { [k: string]: any }): tensorflow.NameAttrList;
        public static toObject(message: tensorflow.NameAttrList, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    interface ITensorProto {
        dtype?: (tensorflow.DataType|null);
        tensorShape?: (tensorflow.ITensorShapeProto|null);
        versionNumber?: (number|null);
        tensorContent?: (Uint8Array|null);
        halfVal?: (number[]|null);
        floatVal?: (number[]|null);
        doubleVal?: (number[]|null);
        intVal?: (number[]|null);
        stringVal?: (Uint8Array[]|null);
        scomplexVal?: (number[]|null);
        int64Val?: ((number|Long)[]|null);
        boolVal?: (boolean[]|null);
        dcomplexVal?: (number[]|null);
        resourceHandleVal?: (tensorflow.IResourceHandleProto[]|null);
        variantVal?: (tensorflow.IVariantTensorDataProto[]|null);
        uint32Val?: (number[]|null);
        uint64Val?: ((number|Long)[]|null);
    }

    class TensorProto implements ITensorProto {
        constructor(properties?: tensorflow.ITensorProto);
        public dtype: tensorflow.DataType;
        public tensorShape?: (tensorflow.ITensorShapeProto|null);
        public versionNumber: number;
        public tensorContent: Uint8Array;
        public halfVal: number[];
        public floatVal: number[];
        public doubleVal: number[];
        public intVal: number[];
        public stringVal: Uint8Array[];
        public scomplexVal: number[];
        public int64Val: (number|Long)[];
        public boolVal: boolean[];
        public dcomplexVal: number[];
        public resourceHandleVal: tensorflow.IResourceHandleProto[];
        public variantVal: tensorflow.IVariantTensorDataProto[];
        public uint32Val: number[];
        public uint64Val: (number|Long)[];
        public static encode(message: tensorflow.ITensorProto, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorProto;
        public static fromObject(object: { [k: string]: any }): tensorflow.TensorProto;
        public static toObject(message: tensorflow.TensorProto, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    interface IVariantTensorDataProto {
        typeName?: (string|null);
        metadata?: (Uint8Array|null);
        tensors?: (tensorflow.ITensorProto[]|null);
    }

    class VariantTensorDataProto implements IVariantTensorDataProto {
        constructor(properties?: tensorflow.IVariantTensorDataProto);
        public typeName: string;
        public metadata: Uint8Array;
        public tensors: tensorflow.ITensorProto[];
        public static encode(message: tensorflow.IVariantTensorDataProto, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.VariantTensorDataProto;
        public static fromObject(object: { [k: string]: any }): tensorflow.VariantTensorDataProto;
        public static toObject(message: tensorflow.VariantTensorDataProto, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    interface IResourceHandleProto {
        device?: (string|null);
        container?: (string|null);
        name?: (string|null);
        hashCode?: (number|Long|null);
        maybeTypeName?: (string|null);
        dtypesAndShapes?: (tensorflow.ResourceHandleProto.IDtypeAndShape[]|null);
    }

    class ResourceHandleProto implements IResourceHandleProto {
        constructor(properties?: tensorflow.IResourceHandleProto);
        public device: string;
        public container: string;
        public name: string;
        public hashCode: (number|Long);
        public maybeTypeName: string;
        public dtypesAndShapes: tensorflow.ResourceHandleProto.IDtypeAndShape[];
        public static encode(message: tensorflow.IResourceHandleProto, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.ResourceHandleProto;
        public static fromObject(object: { [k: string]: any }): tensorflow.ResourceHandleProto;
        public static toObject(message: tensorflow.ResourceHandleProto, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    namespace ResourceHandleProto {

        interface IDtypeAndShape {
            dtype?: (tensorflow.DataType|null);
            shape?: (tensorflow.ITensorShapeProto|null);
        }

        class DtypeAndShape implements IDtypeAndShape {
            constructor(properties?: tensorflow.ResourceHandleProto.IDtypeAndShape);
            public dtype: tensorflow.DataType;
            public shape?: (tensorflow.ITensorShapeProto|null);
            public static encode(message: tensorflow.ResourceHandleProto.IDtypeAndShape, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.ResourceHandleProto.DtypeAndShape;
            public static fromObject(object: { [k: string]: any }): tensorflow.ResourceHandleProto.DtypeAndShape;
            public static toObject(message: tensorflow.ResourceHandleProto.DtypeAndShape, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }
    }

    interface ITensorShapeProto {
        dim?: (tensorflow.TensorShapeProto.IDim[]|null);
        unknownRank?: (boolean|null);
    }

    class TensorShapeProto implements ITensorShapeProto {
        constructor(properties?: tensorflow.ITensorShapeProto);
        public dim: tensorflow.TensorShapeProto.IDim[];
        public unknownRank: boolean;
        public static encode(message: tensorflow.ITensorShapeProto, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorShapeProto;
        public static fromObject(object: { [k: string]: any }): tensorflow.TensorShapeProto;
        public static toObject(message: tensorflow.TensorShapeProto, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    namespace TensorShapeProto {

        interface IDim {
            size?: (number|Long|null);
            name?: (string|null);
        }

        class Dim implements IDim {
            constructor(properties?: tensorflow.TensorShapeProto.IDim);
            public size: (number|Long);
            public name: string;
            public static encode(message: tensorflow.TensorShapeProto.IDim, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorShapeProto.Dim;
            public static fromObject(object: { [k: string]: any }): tensorflow.TensorShapeProto.Dim;
            public static toObject(message: tensorflow.TensorShapeProto.Dim, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }
    }

    enum DataType {
        DT_INVALID = 0,
        DT_FLOAT = 1,
        DT_DOUBLE = 2,
        DT_INT32 = 3,
        DT_UINT8 = 4,
        DT_INT16 = 5,
        DT_INT8 = 6,
        DT_STRING = 7,
        DT_COMPLEX64 = 8,
        DT_INT64 = 9,
        DT_BOOL = 10,
        DT_QINT8 = 11,
        DT_QUINT8 = 12,
        DT_QINT32 = 13,
        DT_BFLOAT16 = 14,
        DT_QINT16 = 15,
        DT_QUINT16 = 16,
        DT_UINT16 = 17,
        DT_COMPLEX128 = 18,
        DT_HALF = 19,
        DT_RESOURCE = 20,
        DT_VARIANT = 21,
        DT_UINT32 = 22,
        DT_UINT64 = 23,
        DT_FLOAT_REF = 101,
        DT_DOUBLE_REF = 102,
        DT_INT32_REF = 103,
        DT_UINT8_REF = 104,
        DT_INT16_REF = 105,
        DT_INT8_REF = 106,
        DT_STRING_REF = 107,
        DT_COMPLEX64_REF = 108,
        DT_INT64_REF = 109,
        DT_BOOL_REF = 110,
        DT_QINT8_REF = 111,
        DT_QUINT8_REF = 112,
        DT_QINT32_REF = 113,
        DT_BFLOAT16_REF = 114,
        DT_QINT16_REF = 115,
        DT_QUINT16_REF = 116,
        DT_UINT16_REF = 117,
        DT_COMPLEX128_REF = 118,
        DT_HALF_REF = 119,
        DT_RESOURCE_REF = 120,
        DT_VARIANT_REF = 121,
        DT_UINT32_REF = 122,
        DT_UINT64_REF = 123
    }

    interface INodeDef {
        name?: (string|null);
        op?: (string|null);
        input?: (string[]|null);
        device?: (string|null);
        attr?: ({ [k: string]: tensorflow.IAttrValue }|null);
        experimentalDebugInfo?: (tensorflow.NodeDef.IExperimentalDebugInfo|null);
        experimentalType?: (tensorflow.IFullTypeDef|null);
    }

    class NodeDef implements INodeDef {
        constructor(properties?: tensorflow.INodeDef);
        public name: string;
        public op: string;
        public input: string[];
        public device: string;
        public attr: { [k: string]: tensorflow.IAttrValue };
        public experimentalDebugInfo?: (tensorflow.NodeDef.IExperimentalDebugInfo|null);
        public experimentalType?: (tensorflow.IFullTypeDef|null);
        public static encode(message: tensorflow.INodeDef, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.NodeDef;
        public static fromObject(object: { [k: string]: any }): tensorflow.NodeDef;
        public static toObject(message: tensorflow.NodeDef, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    namespace NodeDef {

        interface IExperimentalDebugInfo {
            originalNodeNames?: (string[]|null);
            originalFuncNames?: (string[]|null);
        }

        class ExperimentalDebugInfo implements IExperimentalDebugInfo {
            constructor(properties?: tensorflow.NodeDef.IExperimentalDebugInfo);
            public originalNodeNames: string[];
            public originalFuncNames: string[];
            public static encode(message: tensorflow.NodeDef.IExperimentalDebugInfo, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.NodeDef.ExperimentalDebugInfo;
            public static fromObject(object: { [k: string]: any }): tensorflow.NodeDef.ExperimentalDebugInfo;
            public static toObject(message: tensorflow.NodeDef.ExperimentalDebugInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }
    }

    enum FullTypeId {
        TFT_UNSET = 0,
        TFT_VAR = 1,
        TFT_ANY = 2,
        TFT_PRODUCT = 3,
        TFT_NAMED = 4,
        TFT_FOR_EACH = 20,
        TFT_CALLABLE = 100,
        TFT_TENSOR = 1000,
        TFT_ARRAY = 1001,
        TFT_OPTIONAL = 1002,
        TFT_LITERAL = 1003,
        TFT_BOOL = 200,
        TFT_UINT8 = 201,
        TFT_UINT16 = 202,
        TFT_UINT32 = 203,
        TFT_UINT64 = 204,
        TFT_INT8 = 205,
        TFT_INT16 = 206,
        TFT_INT32 = 207,
        TFT_INT64 = 208,
        TFT_HALF = 209,
        TFT_FLOAT = 210,
        TFT_DOUBLE = 211,
        TFT_BFLOAT16 = 215,
        TFT_COMPLEX64 = 212,
        TFT_COMPLEX128 = 213,
        TFT_STRING = 214,
        TFT_DATASET = 10102,
        TFT_RAGGED = 10103,
        TFT_MUTEX_LOCK = 10202,
        TFT_LEGACY_VARIANT = 10203
    }

    interface IFullTypeDef {
        typeId?: (tensorflow.FullTypeId|null);
        args?: (tensorflow.IFullTypeDef[]|null);
        s?: (string|null);
        i?: (number|Long|null);
    }

    class FullTypeDef implements IFullTypeDef {
        constructor(properties?: tensorflow.IFullTypeDef);
        public typeId: tensorflow.FullTypeId;
        public args: tensorflow.IFullTypeDef[];
        public s?: (string|null);
        public i?: (number|Long|null);
        public attr?: ("s"|"i");
        public static encode(message: tensorflow.IFullTypeDef, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.FullTypeDef;
        public static fromObject(object: { [k: string]: any }): tensorflow.FullTypeDef;
        public static toObject(message: tensorflow.FullTypeDef, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    interface IOpDef {
        name?: (string|null);
        inputArg?: (tensorflow.OpDef.IArgDef[]|null);
        outputArg?: (tensorflow.OpDef.IArgDef[]|null);
        controlOutput?: (string[]|null);
        attr?: (tensorflow.OpDef.IAttrDef[]|null);
        deprecation?: (tensorflow.IOpDeprecation|null);
        summary?: (string|null);
        description?: (string|null);
        isCommutative?: (boolean|null);
        isAggregate?: (boolean|null);
        isStateful?: (boolean|null);
        allowsUninitializedInput?: (boolean|null);
        isDistributedCommunication?: (boolean|null);
    }

    class OpDef implements IOpDef {
        constructor(properties?: tensorflow.IOpDef);
        public name: string;
        public inputArg: tensorflow.OpDef.IArgDef[];
        public outputArg: tensorflow.OpDef.IArgDef[];
        public controlOutput: string[];
        public attr: tensorflow.OpDef.IAttrDef[];
        public deprecation?: (tensorflow.IOpDeprecation|null);
        public summary: string;
        public description: string;
        public isCommutative: boolean;
        public isAggregate: boolean;
        public isStateful: boolean;
        public allowsUninitializedInput: boolean;
        public isDistributedCommunication: boolean;
        public static encode(message: tensorflow.IOpDef, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.OpDef;
        public static fromObject(object: { [k: string]: any }): tensorflow.OpDef;
        public static toObject(message: tensorflow.OpDef, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    namespace OpDef {

        interface IArgDef {
            name?: (string|null);
            description?: (string|null);
            type?: (tensorflow.DataType|null);
            typeAttr?: (string|null);
            numberAttr?: (string|null);
            typeListAttr?: (string|null);
            handleData?: (tensorflow.ResourceHandleProto.IDtypeAndShape[]|null);
            isRef?: (boolean|null);
            experimentalFullType?: (tensorflow.IFullTypeDef|null);
        }

        class ArgDef implements IArgDef {
            constructor(properties?: tensorflow.OpDef.IArgDef);
            public name: string;
            public description: string;
            public type: tensorflow.DataType;
            public typeAttr: string;
            public numberAttr: string;
            public typeListAttr: string;
            public handleData: tensorflow.ResourceHandleProto.IDtypeAndShape[];
            public isRef: boolean;
            public experimentalFullType?: (tensorflow.IFullTypeDef|null);
            public static encode(message: tensorflow.OpDef.IArgDef, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.OpDef.ArgDef;
            public static fromObject(object: { [k: string]: any }): tensorflow.OpDef.ArgDef;
            public static toObject(message: tensorflow.OpDef.ArgDef, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IAttrDef {
            name?: (string|null);
            type?: (string|null);
            defaultValue?: (tensorflow.IAttrValue|null);
            description?: (string|null);
            hasMinimum?: (boolean|null);
            minimum?: (number|Long|null);
            allowedValues?: (tensorflow.IAttrValue|null);
        }

        class AttrDef implements IAttrDef {
            constructor(properties?: tensorflow.OpDef.IAttrDef);
            public name: string;
            public type: string;
            public defaultValue?: (tensorflow.IAttrValue|null);
            public description: string;
            public hasMinimum: boolean;
            public minimum: (number|Long);
            public allowedValues?: (tensorflow.IAttrValue|null);
            public static encode(message: tensorflow.OpDef.IAttrDef, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.OpDef.AttrDef;
            public static fromObject(object: { [k: string]: any }): tensorflow.OpDef.AttrDef;
            public static toObject(message: tensorflow.OpDef.AttrDef, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }
    }

    interface IOpDeprecation {
        version?: (number|null);
        explanation?: (string|null);
    }

    class OpDeprecation implements IOpDeprecation {
        constructor(properties?: tensorflow.IOpDeprecation);
        public version: number;
        public explanation: string;
        public static encode(message: tensorflow.IOpDeprecation, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.OpDeprecation;
        public static fromObject(object: { [k: string]: any }): tensorflow.OpDeprecation;
        public static toObject(message: tensorflow.OpDeprecation, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    interface IOpList {
        op?: (tensorflow.IOpDef[]|null);
    }

    class OpList implements IOpList {
        constructor(properties?: tensorflow.IOpList);
        public op: tensorflow.IOpDef[];
        public static encode(message: tensorflow.IOpList, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.OpList;
        public static fromObject(object: { [k: string]: any }): tensorflow.OpList;
        public static toObject(message: tensorflow.OpList, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }

    interface IVersionDef {
        producer?: (number|null);
        minConsumer?: (number|null);
        badConsumers?: (number[]|null);
    }

    class VersionDef implements IVersionDef {
        constructor(properties?: tensorflow.IVersionDef);
        public producer: number;
        public minConsumer: number;
        public badConsumers: number[];
        public static encode(message: tensorflow.IVersionDef, writer?: $protobuf.Writer): $protobuf.Writer;
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.VersionDef;
        public static fromObject(object: { [k: string]: any }): tensorflow.VersionDef;
        public static toObject(message: tensorflow.VersionDef, options?: $protobuf.IConversionOptions): { [k: string]: any };
        public toJSON(): { [k: string]: any };
    }
}
