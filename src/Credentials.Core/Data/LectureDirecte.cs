using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Credentials.Core.Data;

/// <summary>
/// Lit des entités par un <c>SELECT</c> écrit ici, sans le pipeline de requêtes d'EF : tables, colonnes, types et
/// conversions viennent du modèle EF, et chaque entité est construite comme EF la construit (son constructeur sans
/// paramètre, puis ses champs). Les entités rendues ne sont pas suivies, comme avec <c>AsNoTracking</c>.
/// <para>
/// Pourquoi : une commande de la CLI est un processus neuf, et la première requête LINQ d'un processus coûte à EF
/// 0,2 s de compilation (traduction, génération du SQL, compilation du code de matérialisation), plus que tout
/// l'import d'un établissement inchangé (docs/performance.md, « Imports »). Pour les lectures d'un import, qui
/// ne filtrent que sur une colonne, ce détour n'apporte rien.
/// </para>
/// <para>
/// Limites : une entité à propriété cachée (shadow), complexe ou possédée est refusée (EF les remplirait, pas
/// cette lecture), et les filtres de requête globaux ne s'appliquent pas (le modèle n'en a aucun).
/// <c>LectureDirecteTests</c> compare chaque propriété lue à celle qu'EF lit, sur SQLite et PostgreSQL.
/// </para>
/// </summary>
internal static class LectureDirecte
{
    /// <summary>Les entités <typeparamref name="T"/> dont la propriété <paramref name="propriete"/> vaut <paramref name="valeur"/>.</summary>
    public static Task<List<T>> ListerAsync<T>(DbContext db, string propriete, object valeur, CancellationToken ct)
        where T : class
    {
        var lecture = Lecture.De<T>(db);
        return lecture.ExecuterAsync<T>(db, $"{lecture.Colonne(propriete)} = @p0", valeur, ct);
    }

    /// <summary>
    /// Les entités <typeparamref name="T"/> dont la clé étrangère <paramref name="cleEtrangere"/> désigne une entité
    /// <typeparamref name="TParent"/> dont la propriété <paramref name="propriete"/> vaut <paramref name="valeur"/>
    /// (les liens des élèves d'un établissement).
    /// </summary>
    public static Task<List<T>> ListerParParentAsync<T, TParent>(DbContext db, string cleEtrangere, string propriete, object valeur, CancellationToken ct)
        where T : class
        where TParent : class
    {
        var lecture = Lecture.De<T>(db);
        var parent = Lecture.De<TParent>(db);
        var filtre = $"{lecture.Colonne(cleEtrangere)} IN (SELECT {parent.Colonne(parent.Cle)} FROM {parent.Table} WHERE {parent.Colonne(propriete)} = @p0)";
        return lecture.ExecuterAsync<T>(db, filtre, valeur, ct);
    }

    /// <summary>
    /// Les textes de la colonne <paramref name="propriete"/> des entités <typeparamref name="T"/> dont la propriété
    /// <paramref name="filtre"/> est l'une des <paramref name="valeurs"/> (les identifiants déjà pris pour des racines).
    /// </summary>
    public static async Task<List<string>> TextesAsync<T>(DbContext db, string propriete, string filtre, IReadOnlyCollection<string> valeurs, CancellationToken ct)
        where T : class
    {
        if (valeurs.Count == 0)
        {
            return [];
        }

        var lecture = Lecture.De<T>(db);
        var parametres = string.Join(", ", Enumerable.Range(0, valeurs.Count).Select(i => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var texte = $"SELECT {lecture.Colonne(propriete)} FROM {lecture.Table} WHERE {lecture.Colonne(filtre)} IN ({parametres})";
        return await LireAsync(db, texte, [.. valeurs], l => l.GetString(0), ct);
    }

    /// <summary>Exécute un <c>SELECT</c> sur la connexion du contexte, dans sa transaction s'il en a une, et lit chaque ligne.</summary>
    private static async Task<List<TLigne>> LireAsync<TLigne>(DbContext db, string texte, IReadOnlyList<object> valeurs, Func<DbDataReader, TLigne> lire, CancellationToken ct)
    {
        var connexion = db.Database.GetDbConnection();
        var ouverte = connexion.State == System.Data.ConnectionState.Open;
        if (!ouverte)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var commande = connexion.CreateCommand();
            commande.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            commande.CommandText = texte;
            for (var i = 0; i < valeurs.Count; i++)
            {
                var parametre = commande.CreateParameter();
                parametre.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parametre.Value = valeurs[i];
                commande.Parameters.Add(parametre);
            }

            var lignes = new List<TLigne>();
            await using var lecteur = await commande.ExecuteReaderAsync(ct);
            while (await lecteur.ReadAsync(ct))
            {
                lignes.Add(lire(lecteur));
            }

            return lignes;
        }
        finally
        {
            if (!ouverte)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Comment lire une entité : sa table, ses colonnes dans l'ordre du <c>SELECT</c>, et où mettre chaque valeur.</summary>
    private sealed class Lecture
    {
        private readonly IEntityType type;
        private readonly StoreObjectIdentifier table;
        private readonly ISqlGenerationHelper sql;
        private readonly List<Champ> champs;

        private Lecture(DbContext db, (IEntityType Type, StoreObjectIdentifier Table) entite)
        {
            (type, table) = entite;
            sql = db.GetService<ISqlGenerationHelper>();
            // What EF would fill and this reading could not: refused rather than left empty.
            if (type.GetProperties().Any(p => p.IsShadowProperty()) || type.GetComplexProperties().Any() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            {
                throw new NotSupportedException($"{type.ClrType.Name} has shadow, complex or owned properties: read it with EF.");
            }

            champs = type.GetProperties()
                .Where(p => p.GetColumnName(table) is not null)
                .Select(p => new Champ(p, p.GetRelationalTypeMapping()))
                .ToList();
            Table = sql.DelimitIdentifier(table.Name, table.Schema);
            Cle = type.FindPrimaryKey()!.Properties.Single().Name;
        }

        public string Table { get; }

        public string Cle { get; }

        public static Lecture De<T>(DbContext db) => new(db, EcritureEnLot.Entite<T>(db));

        public string Colonne(string propriete) =>
            sql.DelimitIdentifier((type.FindProperty(propriete) ?? throw new InvalidOperationException($"{type.ClrType.Name} has no property {propriete}.")).GetColumnName(table)!);

        public Task<List<T>> ExecuterAsync<T>(DbContext db, string filtre, object valeur, CancellationToken ct)
        {
            var colonnes = string.Join(", ", champs.Select(c => sql.DelimitIdentifier(c.Propriete.GetColumnName(table)!)));
            return LireAsync(db, $"SELECT {colonnes} FROM {Table} WHERE {filtre}", [valeur], lecteur =>
            {
                var entite = (T)Activator.CreateInstance(typeof(T), nonPublic: true)!;
                for (var i = 0; i < champs.Count; i++)
                {
                    champs[i].Ecrire(entite, lecteur, i);
                }

                return entite;
            }, ct);
        }
    }

    /// <summary>Une colonne lue : la valeur du fournisseur, convertie comme EF la convertit, posée dans le champ de l'entité.</summary>
    private sealed record Champ(IProperty Propriete, RelationalTypeMapping Correspondance)
    {
        private readonly ValueConverter? conversion = Correspondance.Converter;
        private readonly Type typeLu = Nullable.GetUnderlyingType(Correspondance.Converter?.ProviderClrType ?? Correspondance.ClrType)
            ?? Correspondance.Converter?.ProviderClrType ?? Correspondance.ClrType;

        public void Ecrire(object entite, DbDataReader lecteur, int i)
        {
            object? valeur = null;
            if (!lecteur.IsDBNull(i))
            {
                valeur = Lire(lecteur, i, typeLu);
                if (conversion is not null)
                {
                    valeur = conversion.ConvertFromProvider(valeur);
                }
            }

            EcritureEnLot.Ecrire(Propriete, entite, valeur);
        }

        private static object Lire(DbDataReader lecteur, int i, Type type) => Type.GetTypeCode(type) switch
        {
            TypeCode.Int64 => lecteur.GetInt64(i),
            TypeCode.Int32 => lecteur.GetInt32(i),
            TypeCode.Int16 => lecteur.GetInt16(i),
            TypeCode.Byte => lecteur.GetByte(i),
            TypeCode.Boolean => lecteur.GetBoolean(i),
            TypeCode.String => lecteur.GetString(i),
            TypeCode.DateTime => lecteur.GetDateTime(i),
            TypeCode.Decimal => lecteur.GetDecimal(i),
            TypeCode.Double => lecteur.GetDouble(i),
            _ when type == typeof(Guid) => lecteur.GetGuid(i),
            _ when type == typeof(DateOnly) => lecteur.GetFieldValue<DateOnly>(i),
            _ when type == typeof(TimeOnly) => lecteur.GetFieldValue<TimeOnly>(i),
            _ when type == typeof(DateTimeOffset) => lecteur.GetFieldValue<DateTimeOffset>(i),
            _ when type == typeof(byte[]) => lecteur.GetFieldValue<byte[]>(i),
            _ => throw new NotSupportedException($"Reading a {type.Name} column directly is not supported."),
        };
    }
}
