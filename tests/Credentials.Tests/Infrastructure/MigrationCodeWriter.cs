using System.Globalization;
using System.Text;
using Credentials.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Credentials.Tests.Infrastructure;

/// <summary>
/// Writes the C# of a provider-neutral "create everything" migration from EF's model differ.
/// The scaffolding package (Microsoft.EntityFrameworkCore.Design) cannot be restored here, so this
/// small writer stands in for <c>dotnet ef migrations add</c> when the whole schema is new; later
/// migrations are written by hand in the same form. Column types are left to the provider.
/// </summary>
internal static class MigrationCodeWriter
{
    public static string Write(CredentialsDbContext db, string className, string migrationId)
    {
        var differ = db.GetService<IMigrationsModelDiffer>();
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var operations = differ.GetDifferences(null, model);

        var sb = new StringBuilder();
        sb.AppendLine("// The initial schema, in provider-neutral MigrationBuilder calls (see docs/decisions.md).");
        sb.AppendLine("using Microsoft.EntityFrameworkCore.Infrastructure;");
        sb.AppendLine("using Microsoft.EntityFrameworkCore.Migrations;");
        sb.AppendLine("using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;");
        sb.AppendLine();
        sb.AppendLine("namespace Credentials.Core.Data.Migrations;");
        sb.AppendLine();
        sb.AppendLine("[DbContext(typeof(CredentialsDbContext))]");
        sb.AppendLine($"[Migration(\"{migrationId}\")]");
        sb.AppendLine($"public sealed class {className} : Migration");
        sb.AppendLine("{");
        sb.AppendLine("    protected override void Up(MigrationBuilder migrationBuilder)");
        sb.AppendLine("    {");
        var tables = new List<string>();
        foreach (var op in operations)
        {
            switch (op)
            {
                case CreateTableOperation t:
                    tables.Add(t.Name);
                    WriteTable(sb, t);
                    break;
                case CreateIndexOperation i:
                    sb.AppendLine("        migrationBuilder.CreateIndex(");
                    sb.AppendLine($"            name: \"{i.Name}\",");
                    sb.AppendLine($"            table: \"{i.Table}\",");
                    sb.AppendLine(i.Columns.Length == 1
                        ? $"            column: \"{i.Columns[0]}\"{(i.IsUnique ? "," : ");")}"
                        : $"            columns: new[] {{ {string.Join(", ", i.Columns.Select(c => $"\"{c}\""))} }}{(i.IsUnique ? "," : ");")}");
                    if (i.IsUnique)
                    {
                        sb.AppendLine("            unique: true);");
                    }

                    sb.AppendLine();
                    break;
                default:
                    throw new NotSupportedException($"Operation {op.GetType().Name} is not written by this writer.");
            }
        }

        sb.Length -= Environment.NewLine.Length;
        sb.AppendLine("    }");
        sb.AppendLine();
        sb.AppendLine("    protected override void Down(MigrationBuilder migrationBuilder)");
        sb.AppendLine("    {");
        foreach (var t in Enumerable.Reverse(tables))
        {
            sb.AppendLine($"        migrationBuilder.DropTable(name: \"{t}\");");
        }

        sb.AppendLine("    }");
        sb.AppendLine("}");
        return sb.ToString();
    }

    private static void WriteTable(StringBuilder sb, CreateTableOperation t)
    {
        sb.AppendLine("        migrationBuilder.CreateTable(");
        sb.AppendLine($"            name: \"{t.Name}\",");
        sb.AppendLine("            columns: table => new");
        sb.AppendLine("            {");
        foreach (var c in t.Columns)
        {
            var type = TypeName(c.ClrType);
            var args = new List<string>();
            if (c.MaxLength is { } max)
            {
                args.Add($"maxLength: {max.ToString(CultureInfo.InvariantCulture)}");
            }

            args.Add($"nullable: {(c.IsNullable ? "true" : "false")}");
            var line = $"                {c.Name} = table.Column<{type}>({string.Join(", ", args)})";
            if (c.FindAnnotation("Sqlite:Autoincrement")?.Value is true)
            {
                line += Environment.NewLine + "                    .Annotation(\"Sqlite:Autoincrement\", true)"
                    + Environment.NewLine + "                    .Annotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)";
            }

            sb.AppendLine(line + ",");
        }

        sb.AppendLine("            },");
        sb.AppendLine("            constraints: table =>");
        sb.AppendLine("            {");
        sb.AppendLine($"                table.PrimaryKey(\"{t.PrimaryKey!.Name}\", {Columns(t.PrimaryKey.Columns)});");
        foreach (var fk in t.ForeignKeys)
        {
            sb.AppendLine("                table.ForeignKey(");
            sb.AppendLine($"                    name: \"{fk.Name}\",");
            sb.AppendLine(fk.Columns.Length == 1 ? $"                    column: {Columns(fk.Columns)}," : $"                    columns: {Columns(fk.Columns)},");
            sb.AppendLine($"                    principalTable: \"{fk.PrincipalTable}\",");
            sb.AppendLine(fk.PrincipalColumns!.Length == 1
                ? $"                    principalColumn: \"{fk.PrincipalColumns[0]}\","
                : $"                    principalColumns: new[] {{ {string.Join(", ", fk.PrincipalColumns.Select(c => $"\"{c}\""))} }},");
            sb.AppendLine($"                    onDelete: ReferentialAction.{fk.OnDelete});");
        }

        sb.AppendLine("            });");
        sb.AppendLine();
    }

    private static string Columns(string[] columns) =>
        columns.Length == 1 ? $"x => x.{columns[0]}" : $"x => new {{ {string.Join(", ", columns.Select(c => "x." + c))} }}";

    private static string TypeName(Type type)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        var inner = nullable ?? type;
        var name = inner == typeof(string) ? "string"
            : inner == typeof(int) ? "int"
            : inner == typeof(long) ? "long"
            : inner == typeof(bool) ? "bool"
            : inner == typeof(byte[]) ? "byte[]"
            : inner.Name;
        return nullable is null ? name : name + "?";
    }
}
