using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace SafeHarbor.Tests.Architecture;

/// <summary>A type as named in metadata: its namespace (of the outermost type, for nested ones) and its full name.</summary>
public readonly record struct TypeName(string Namespace, string FullName)
{
    public bool IsIn(string ns) => Namespace == ns || Namespace.StartsWith(ns + ".", StringComparison.Ordinal);
}

/// <summary>One use of a type by a type of the assembly (nested and compiler-generated types count for their outermost type).</summary>
public sealed record Dependency(TypeName From, TypeName To)
{
    public override string ToString() => $"{From.FullName} → {To.FullName}";
}

/// <summary>
/// Every type each type of an assembly uses, read from its metadata and IL with System.Reflection.Metadata:
/// base types, interfaces, attributes, generic constraints, field, property, event and method signatures,
/// locals, and every type, method and field an instruction refers to. Lambdas, async state machines and
/// other compiler-generated nested types count for the type whose source they came from, which is where
/// Minimal API handlers keep all their code. Nothing is loaded or run.
/// </summary>
public sealed class AssemblyDependencies
{
    private AssemblyDependencies(IReadOnlyList<Dependency> all, IReadOnlyList<TypeName> types)
    {
        All = all;
        Types = types;
    }

    public IReadOnlyList<Dependency> All { get; }

    /// <summary>The outermost (source-level) types of the assembly.</summary>
    public IReadOnlyList<TypeName> Types { get; }

    public IEnumerable<Dependency> From(string ns) => All.Where(d => d.From.IsIn(ns));

    public IReadOnlyList<Dependency> Violations(string fromNamespace, params string[] forbiddenNamespaces) =>
        From(fromNamespace).Where(d => forbiddenNamespaces.Any(d.To.IsIn)).Distinct().OrderBy(d => d.ToString(), StringComparer.Ordinal).ToList();

    public static AssemblyDependencies Of(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var scanner = new Scanner(pe, reader);
        var found = new HashSet<Dependency>();
        var types = new HashSet<TypeName>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var owner = scanner.Outermost(handle);
            if (owner.FullName == "<Module>")
            {
                continue;
            }
            types.Add(owner);
            foreach (var used in scanner.UsedBy(handle))
            {
                if (used != owner && !string.IsNullOrEmpty(used.FullName))
                {
                    found.Add(new Dependency(owner, used));
                }
            }
        }
        return new AssemblyDependencies([.. found], [.. types]);
    }

    private sealed class Scanner(PEReader pe, MetadataReader reader) : ISignatureTypeProvider<ImmutableArray<TypeName>, object?>
    {
        private static readonly Dictionary<short, OperandType> OpCodeOperands = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value, o => o.OperandType);

        public TypeName Outermost(TypeDefinitionHandle handle)
        {
            var def = reader.GetTypeDefinition(handle);
            while (def.GetDeclaringType() is { IsNil: false } outer)
            {
                handle = outer;
                def = reader.GetTypeDefinition(handle);
            }
            return NameOf(def);
        }

        public IEnumerable<TypeName> UsedBy(TypeDefinitionHandle handle)
        {
            var t = reader.GetTypeDefinition(handle);
            var used = new List<TypeName>();
            if (!t.BaseType.IsNil)
            {
                used.AddRange(Types(t.BaseType));
            }
            foreach (var i in t.GetInterfaceImplementations())
            {
                used.AddRange(Types(reader.GetInterfaceImplementation(i).Interface));
            }
            used.AddRange(Attributes(t.GetCustomAttributes()));
            used.AddRange(Constraints(t.GetGenericParameters()));
            foreach (var f in t.GetFields())
            {
                var field = reader.GetFieldDefinition(f);
                used.AddRange(field.DecodeSignature(this, null));
                used.AddRange(Attributes(field.GetCustomAttributes()));
            }
            foreach (var p in t.GetProperties())
            {
                var property = reader.GetPropertyDefinition(p);
                used.AddRange(Signature(property.DecodeSignature(this, null)));
                used.AddRange(Attributes(property.GetCustomAttributes()));
            }
            foreach (var e in t.GetEvents())
            {
                used.AddRange(Types(reader.GetEventDefinition(e).Type));
            }
            foreach (var m in t.GetMethods())
            {
                var method = reader.GetMethodDefinition(m);
                used.AddRange(Signature(method.DecodeSignature(this, null)));
                used.AddRange(Attributes(method.GetCustomAttributes()));
                used.AddRange(Constraints(method.GetGenericParameters()));
                foreach (var p in method.GetParameters())
                {
                    used.AddRange(Attributes(reader.GetParameter(p).GetCustomAttributes()));
                }
                if (method.RelativeVirtualAddress != 0)
                {
                    used.AddRange(Body(pe.GetMethodBody(method.RelativeVirtualAddress)));
                }
            }
            return used;
        }

        private IEnumerable<TypeName> Body(MethodBodyBlock body)
        {
            if (!body.LocalSignature.IsNil)
            {
                foreach (var local in reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null))
                {
                    foreach (var name in local)
                    {
                        yield return name;
                    }
                }
            }
            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE)
                {
                    code = unchecked((short)(0xFE00 | il.ReadByte()));
                }
                switch (OpCodeOperands[code])
                {
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineType:
                    case OperandType.InlineTok:
                        foreach (var name in Types(MetadataTokens.EntityHandle(il.ReadInt32())))
                        {
                            yield return name;
                        }
                        break;
                    case OperandType.InlineSig:
                        var sig = reader.GetStandaloneSignature((StandaloneSignatureHandle)MetadataTokens.EntityHandle(il.ReadInt32()));
                        foreach (var name in Signature(sig.DecodeMethodSignature(this, null)))
                        {
                            yield return name;
                        }
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineBrTarget:
                    case OperandType.InlineI:
                    case OperandType.InlineString:
                    case OperandType.ShortInlineR:
                        il.Offset += 4;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineNone:
                        break;
                    default:
                        throw new InvalidOperationException($"IL operand of opcode 0x{code:X4} not understood.");
                }
            }
        }

        /// <summary>The types a metadata entity names: a type, or a method or field with its declaring type and signature.</summary>
        private IEnumerable<TypeName> Types(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    return [NameOf((TypeDefinitionHandle)handle)];
                case HandleKind.TypeReference:
                    return [NameOf((TypeReferenceHandle)handle)];
                case HandleKind.TypeSpecification:
                    return reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                case HandleKind.MethodDefinition:
                {
                    var m = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    return Signature(m.DecodeSignature(this, null)).Append(NameOf(m.GetDeclaringType()));
                }
                case HandleKind.FieldDefinition:
                {
                    var f = reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                    return f.DecodeSignature(this, null).Append(NameOf(f.GetDeclaringType()));
                }
                case HandleKind.MemberReference:
                {
                    var m = reader.GetMemberReference((MemberReferenceHandle)handle);
                    var signature = m.GetKind() == MemberReferenceKind.Method
                        ? Signature(m.DecodeMethodSignature(this, null))
                        : m.DecodeFieldSignature(this, null);
                    return m.Parent.Kind is HandleKind.ModuleReference ? signature : signature.Concat(Types(m.Parent));
                }
                case HandleKind.MethodSpecification:
                {
                    var s = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    return s.DecodeSignature(this, null).SelectMany(a => a).Concat(Types(s.Method));
                }
                default:
                    return [];
            }
        }

        private IEnumerable<TypeName> Attributes(CustomAttributeHandleCollection attributes) =>
            attributes.SelectMany(a => Types(reader.GetCustomAttribute(a).Constructor));

        private IEnumerable<TypeName> Constraints(GenericParameterHandleCollection parameters) =>
            parameters.SelectMany(p => reader.GetGenericParameter(p).GetConstraints())
                .SelectMany(c => Types(reader.GetGenericParameterConstraint(c).Type));

        private static IEnumerable<TypeName> Signature(MethodSignature<ImmutableArray<TypeName>> s) =>
            s.ReturnType.Concat(s.ParameterTypes.SelectMany(p => p));

        private TypeName NameOf(TypeDefinitionHandle handle) => NameOf(reader.GetTypeDefinition(handle));

        private TypeName NameOf(TypeDefinition def)
        {
            var name = reader.GetString(def.Name);
            if (def.GetDeclaringType() is { IsNil: false } outer)
            {
                var o = NameOf(outer);
                return new TypeName(o.Namespace, $"{o.FullName}+{name}");
            }
            var ns = reader.GetString(def.Namespace);
            return new TypeName(ns, ns.Length == 0 ? name : $"{ns}.{name}");
        }

        private TypeName NameOf(TypeReferenceHandle handle)
        {
            var r = reader.GetTypeReference(handle);
            var name = reader.GetString(r.Name);
            if (r.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                var o = NameOf((TypeReferenceHandle)r.ResolutionScope);
                return new TypeName(o.Namespace, $"{o.FullName}+{name}");
            }
            var ns = reader.GetString(r.Namespace);
            return new TypeName(ns, ns.Length == 0 ? name : $"{ns}.{name}");
        }

        // ---- signature decoding: a type is the list of every named type inside it ----------------

        public ImmutableArray<TypeName> GetPrimitiveType(PrimitiveTypeCode typeCode) => [new TypeName("System", $"System.{typeCode}")];

        public ImmutableArray<TypeName> GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind) => [NameOf(handle)];

        public ImmutableArray<TypeName> GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind) => [NameOf(handle)];

        public ImmutableArray<TypeName> GetTypeFromSpecification(MetadataReader r, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public ImmutableArray<TypeName> GetSZArrayType(ImmutableArray<TypeName> elementType) => elementType;

        public ImmutableArray<TypeName> GetArrayType(ImmutableArray<TypeName> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<TypeName> GetByReferenceType(ImmutableArray<TypeName> elementType) => elementType;

        public ImmutableArray<TypeName> GetPointerType(ImmutableArray<TypeName> elementType) => elementType;

        public ImmutableArray<TypeName> GetPinnedType(ImmutableArray<TypeName> elementType) => elementType;

        public ImmutableArray<TypeName> GetGenericInstantiation(ImmutableArray<TypeName> genericType, ImmutableArray<ImmutableArray<TypeName>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(a => a)];

        public ImmutableArray<TypeName> GetGenericTypeParameter(object? genericContext, int index) => [];

        public ImmutableArray<TypeName> GetGenericMethodParameter(object? genericContext, int index) => [];

        public ImmutableArray<TypeName> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeName>> signature) => [.. Signature(signature)];

        public ImmutableArray<TypeName> GetModifiedType(ImmutableArray<TypeName> modifier, ImmutableArray<TypeName> unmodifiedType, bool isRequired) =>
            [.. modifier, .. unmodifiedType];
    }
}
