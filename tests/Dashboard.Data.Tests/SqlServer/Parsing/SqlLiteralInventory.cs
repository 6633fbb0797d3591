using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;

namespace Dashboard.Data.Tests.SqlServer.Parsing;

/// <summary>One string literal compiled into a product assembly that reads like SQL, and the type that holds it.</summary>
internal sealed record SqlLiteral(string Type, string Method, string Text);

/// <summary>
/// Every string literal in the product assemblies' IL that reads like SQL (an upper-case SQL keyword such as SELECT,
/// FROM, INSERT, UPDATE, DELETE, WHERE, JOIN, VALUES, CREATE, DROP). C# puts every literal piece of SQL text, constants
/// and raw strings included, and every literal part of an interpolated string, into the IL as an ldstr, so this finds
/// the SQL the code can send however it assembles it. Compiler-generated types (lambdas, async state machines) count
/// as the type that declares them.
/// </summary>
internal static partial class SqlLiteralInventory
{
    [GeneratedRegex(@"\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|JOIN|VALUES|CREATE|DROP|ALTER|MERGE|OUTPUT|UNION|GROUP BY|ORDER BY)\b")]
    private static partial Regex SqlKeyword();

    private static readonly Dictionary<short, OpCode> OneByte = [];
    private static readonly Dictionary<short, OpCode> TwoByte = [];

    static SqlLiteralInventory()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            if (code.Size == 1) OneByte[code.Value] = code;
            else TwoByte[(short)(code.Value & 0xFF)] = code;
        }
    }

    public static IReadOnlyList<SqlLiteral> Of(Assembly assembly)
    {
        var found = new List<SqlLiteral>();
        foreach (var type in assembly.GetTypes())
        {
            // The regex source generator's own types hold patterns, not SQL.
            if (type.Namespace?.StartsWith("System.", StringComparison.Ordinal) == true) continue;
            var owner = type;
            while (owner.DeclaringType is not null && owner.Name.StartsWith('<')) owner = owner.DeclaringType;
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                foreach (var text in Strings(method))
                {
                    if (SqlKeyword().IsMatch(text)) found.Add(new SqlLiteral(owner.FullName ?? owner.Name, method.Name, text));
                }
            }
        }
        return found;
    }

    /// <summary>The strings a method loads (ldstr), read from its IL.</summary>
    private static IEnumerable<string> Strings(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var at = 0;
        while (at < il.Length)
        {
            OpCode code;
            if (il[at] == 0xFE)
            {
                code = TwoByte[il[at + 1]];
                at += 2;
            }
            else
            {
                code = OneByte[il[at]];
                at += 1;
            }
            if (code == OpCodes.Ldstr) yield return method.Module.ResolveString(BitConverter.ToInt32(il, at));
            at += OperandSize(code.OperandType, il, at);
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    /// <summary>The literals that appear in none of the sent statements (each compared as written: see <see cref="AsWritten"/>).</summary>
    public static IReadOnlyList<SqlLiteral> NotIn(IEnumerable<SqlLiteral> literals, IEnumerable<string> sentStatements)
    {
        var sent = sentStatements.Select(AsWritten).Distinct(StringComparer.Ordinal).ToList();
        return [.. literals.Where(l => !sent.Any(s => s.Contains(AsWritten(l.Text), StringComparison.Ordinal)))];
    }

    /// <summary>Whitespace runs as one space, trimmed, without a trailing semicolon: how a literal is looked for in what was sent.</summary>
    public static string Normalise(string sql) => Whitespace().Replace(sql, " ").Trim().TrimEnd(';').Trim();

    /// <summary>A sent statement as the literals that made it read: SqlServerDialect.Limit puts TOP (n) inside the SELECT,
    /// and Dapper expands a list parameter @Ids into (@Ids1,@Ids2).</summary>
    public static string AsWritten(string sql) => Normalise(Expanded().Replace(Top().Replace(sql, ""), "@$1"));

    [GeneratedRegex(@"\(@(\w+?)1(?:\s*,\s*@\1\d+)*\)")]
    private static partial Regex Expanded();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"TOP \(\d+\) ")]
    private static partial Regex Top();
}
