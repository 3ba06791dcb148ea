using System.Data.Common;
using System.Text;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Credentials.Core.Data;

/// <summary>
/// Enregistre un contexte où une action a touché des milliers de comptes, en quelques requêtes au lieu d'une
/// par ligne : les comptes modifiés par <c>UPDATE … FROM (VALUES …)</c> et les liens du journal par
/// <c>INSERT … VALUES (…), (…)</c>, par paquets, puis le reste (entrées du journal, courriels) par
/// <c>SaveChanges</c> — le tout dans une transaction. Le contrôle de concurrence est celui d'EF :
/// chaque ligne n'est écrite que si sa <see cref="Compte.Version"/> n'a pas bougé depuis la lecture,
/// sinon rien n'est écrit et <see cref="DbUpdateConcurrencyException"/> est levée. Les imports y créent aussi
/// leurs lignes nouvelles, sans les suivre, par <c>INSERT … RETURNING</c> groupés (<see cref="InsererAsync{T}"/>), et
/// écrivent la version de l'établissement par un <c>UPDATE</c> vérifié (<see cref="MettreAJourAsync{T}"/>).
/// <para>
/// SQL écrit à la main, le seul avec la réclamation des courriels (<c>Courriels/ReclamationMessages.cs</c>) ;
/// le même texte sert SQLite (≥ 3.33) et PostgreSQL, où les colonnes d'un <c>VALUES</c> s'appellent
/// toutes deux <c>column1</c>, <c>column2</c>… Noms de tables et de colonnes, types et conversions
/// (énumérations en texte, instants UTC) viennent du modèle EF, comme pour <c>SaveChanges</c>.
/// </para>
/// </summary>
internal static class EcritureEnLot
{
    /// <summary>
    /// Sous la limite de paramètres de chaque moteur (32 766 pour SQLite, 65 535 pour PostgreSQL, 2 100
    /// pour SQL Server, qui prend aussi au plus 1 000 lignes par VALUES).
    /// </summary>
    private static int ParametresParRequete(DbContext db) => db.Database.IsSqlServer() ? 2_000 : 30_000;

    /// <summary>
    /// Lignes par requête. SQLite retrouve chaque paramètre par son nom en parcourant la liste des noms :
    /// lier une requête de n paramètres coûte n², d'où de petits paquets (2 000 comptes : 0,4 s en paquets
    /// de 1 000, 0,0x s en paquets de 64) ; PostgreSQL préfère peu d'allers-retours.
    /// </summary>
    private static int LignesParRequete(DbContext db) => db.Database.IsSqlite() ? 64 : 1_000;

    /// <summary>
    /// Paramètres par <c>INSERT</c>. SQLite, pour la même raison : créer 1 072 comptes de 40 colonnes coûtait environ
    /// 720 ms de CPU en paquets de 64 lignes, 150 ms par 6, 110 ms ligne par ligne ; les liens (3 colonnes) vont par 21.
    /// PostgreSQL : 100 comptes par requête plutôt que 750 (une requête de 30 000 paramètres coûtait plus à préparer
    /// qu'elle n'épargnait d'allers-retours : 0,45-0,65 s pour l'import contre 0,35-0,45 s). SQL Server : sa limite de
    /// 2 100 paramètres.
    /// </summary>
    private static int ParametresParInsertion(DbContext db) => db.Database.IsSqlite() ? 64 : db.Database.IsSqlServer() ? 2_000 : 4_000;

    /// <summary>
    /// The grouped UPDATE. The VALUES columns are <c>column1</c>, <c>column2</c>… on SQLite and
    /// PostgreSQL by themselves; SQL Server needs them named after the alias.
    /// </summary>
    internal static string TexteMiseAJour(DbContext db, string nomTable, string affectations, string valeurs, int colonnes, string cle, string version)
    {
        var alias = db.Database.IsSqlServer()
            ? "v (" + string.Join(", ", Enumerable.Range(1, colonnes).Select(i => $"column{i}")) + ")"
            : "v";
        return $"UPDATE {nomTable} SET {affectations} FROM (VALUES {valeurs}) AS {alias} " +
            $"WHERE {nomTable}.{cle} = v.column1 AND {nomTable}.{version} = v.column2";
    }

    public static async Task EnregistrerAsync(DbContext db, CancellationToken ct)
    {
        // One comparison of the tracked entities, not three (two Entries() and SaveChanges): after an import that
        // created 6,500 accounts and 5,000 links, each was a tenth of a second. Nothing below changes a property
        // that would need detecting: only states and originals.
        db.ChangeTracker.DetectChanges();
        var detection = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // In key order: two writers lock rows in the same order (no deadlock on PostgreSQL).
            var comptes = db.ChangeTracker.Entries<Compte>().Where(e => e.State == EntityState.Modified).OrderBy(e => e.Entity.Id).ToList();
            var liens = db.ChangeTracker.Entries<EvenementCompte>().Where(e => e.State == EntityState.Added).ToList();
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

            await MettreAJourAsync(db, comptes, ct);
            foreach (var compte in comptes)
            {
                // As SaveChanges would: what was written becomes the original (the next check uses the new version).
                foreach (var propriete in compte.Properties.Where(p => p.IsModified))
                {
                    propriete.OriginalValue = propriete.CurrentValue;
                }

                compte.State = EntityState.Unchanged;
            }

            // The links need their entry's id, known once SaveChanges has inserted it.
            var lignes = liens.Select(l => l.Entity).ToList();
            foreach (var lien in liens)
            {
                lien.State = EntityState.Detached;
            }

            await db.SaveChangesAsync(ct);
            await InsererLiensAsync(db, lignes, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detection;
        }
    }

    private static async Task MettreAJourAsync(DbContext db, List<EntityEntry<Compte>> comptes, CancellationToken ct)
    {
        if (comptes.Count == 0)
        {
            return;
        }

        var type = comptes[0].Metadata;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var cle = type.FindPrimaryKey()!.Properties.Single();
        var version = type.FindProperty(nameof(Compte.Version))!;
        var colonnes = comptes.SelectMany(e => e.Properties.Where(p => p.IsModified).Select(p => p.Metadata)).Distinct().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        string Colonne(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);

        // VALUES columns: 1 = key, 2 = version read, 3.. = the modified columns.
        var nomTable = sql.DelimitIdentifier(table.Name, table.Schema);
        var affectations = string.Join(", ", colonnes.Select((p, i) => $"{Colonne(p)} = v.column{i + 3}"));
        var parPaquet = Math.Min(LignesParRequete(db), ParametresParRequete(db) / (colonnes.Count + 2));
        foreach (var paquet in comptes.Chunk(parPaquet))
        {
            await using var commande = Commande(db);
            var valeurs = new StringBuilder();
            foreach (var compte in paquet)
            {
                valeurs.Append(valeurs.Length == 0 ? "(" : ", (")
                    .Append(Parametre(commande, cle, compte.Property(cle.Name).CurrentValue))
                    .Append(", ").Append(Parametre(commande, version, compte.Property(version.Name).OriginalValue));
                foreach (var colonne in colonnes)
                {
                    valeurs.Append(", ").Append(Parametre(commande, colonne, compte.Property(colonne.Name).CurrentValue));
                }

                valeurs.Append(')');
            }

            commande.CommandText = TexteMiseAJour(db, nomTable, affectations, valeurs.ToString(), colonnes.Count + 2, Colonne(cle), Colonne(version));
            var ecrites = await commande.ExecuteNonQueryAsync(ct);
            if (ecrites != paquet.Length)
            {
                // Someone changed one of these accounts since it was read: the transaction is rolled back.
                throw new DbUpdateConcurrencyException($"{paquet.Length - ecrites} of {paquet.Length} accounts changed since they were read.");
            }
        }
    }

    /// <summary>
    /// The grouped INSERT of <paramref name="lignes"/> rows, parameters <c>@p0</c>, <c>@p1</c>… row by row, giving back the
    /// <paramref name="rendues"/> columns: <c>RETURNING</c> after the values on SQLite and PostgreSQL, <c>OUTPUT INSERTED.…</c>
    /// before them on SQL Server.
    /// </summary>
    internal static string TexteInsertion(DbContext db, string nomTable, IReadOnlyList<string> colonnes, IReadOnlyList<string> rendues, int lignes)
    {
        var sqlServer = db.Database.IsSqlServer();
        var texte = new StringBuilder($"INSERT INTO {nomTable} ({string.Join(", ", colonnes)}) ");
        if (sqlServer)
        {
            texte.Append("OUTPUT ").AppendJoin(", ", rendues.Select(c => "INSERTED." + c)).Append(' ');
        }

        texte.Append("VALUES ");
        for (var i = 0; i < lignes; i++)
        {
            texte.Append(i == 0 ? "(" : ", (");
            for (var j = 0; j < colonnes.Count; j++)
            {
                texte.Append(j == 0 ? "@p" : ", @p").Append((i * colonnes.Count) + j);
            }

            texte.Append(')');
        }

        return sqlServer ? texte.ToString() : texte.Append(" RETURNING ").AppendJoin(", ", rendues).ToString();
    }

    /// <summary>
    /// Insère des entités nouvelles et <b>non suivies</b> par <c>INSERT … VALUES (…), (…)</c>, par paquets, et rend à
    /// chacune la clé que la base lui a donnée (<c>RETURNING</c> ; <c>OUTPUT INSERTED</c> sur SQL Server), au lieu d'une
    /// requête par ligne et sans le suivi des modifications d'EF : un import en crée des milliers, et un processus neuf
    /// payait en plus la mise en route du suivi et de <c>SaveChanges</c>.
    /// <list type="bullet">
    /// <item>Chaque clé lue revient à son entité d'après les colonnes <paramref name="uniques"/> (SQLite ne promet aucun
    /// ordre pour les lignes de <c>RETURNING</c>) ; sans colonne unique, une ligne par requête.</item>
    /// <item>Une clé étrangère prend la clé de l'entité que désigne sa navigation, comme EF la reporte ; cette entité doit
    /// déjà avoir la sienne.</item>
    /// <item>Colonnes, types et conversions (énumérations en texte, instants UTC) viennent du modèle EF, comme pour
    /// <c>SaveChanges</c> ; les entités restent non suivies.</item>
    /// </list>
    /// À appeler dans la transaction de l'opération.
    /// </summary>
    public static async Task InsererAsync<T>(DbContext db, IReadOnlyCollection<T> entites, IReadOnlyList<string> uniques, CancellationToken ct)
        where T : class
    {
        if (entites.Count == 0)
        {
            return;
        }

        var (type, table) = Entite<T>(db);
        var cle = type.FindPrimaryKey()!.Properties.Single();
        var colonnes = type.GetProperties().Where(p => p != cle && p.GetColumnName(table) is not null).ToList();
        var proprietesUniques = uniques.Select(n => type.FindProperty(n)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {n}.")).ToList();
        ReporterClesEtrangeres(type, entites);
        if (db.Database.IsNpgsql())
        {
            await InsererParCopieAsync(db, table, cle, colonnes, entites, ct);
            return;
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        string Colonne(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        var nomTable = sql.DelimitIdentifier(table.Name, table.Schema);
        var nomsColonnes = colonnes.Select(Colonne).ToList();
        var rendues = new[] { cle }.Concat(proprietesUniques).Select(Colonne).ToList();

        var parPaquet = proprietesUniques.Count == 0 ? 1 : Math.Max(1, Math.Min(LignesParRequete(db), ParametresParInsertion(db) / colonnes.Count));
        DbCommand? commande = null;
        try
        {
            foreach (var paquet in entites.Chunk(parPaquet))
            {
                // One command for every batch of the same size: SQLite prepares its statement once, not per batch.
                if (commande is null || commande.Parameters.Count != paquet.Length * colonnes.Count)
                {
                    if (commande is not null)
                    {
                        await commande.DisposeAsync();
                    }

                    commande = Commande(db);
                    commande.CommandText = TexteInsertion(db, nomTable, nomsColonnes, rendues, paquet.Length);
                }

                // A command used again gets new values in the parameters it has: once Npgsql had prepared the statement
                // by itself (Max Auto Prepare), parameters cleared and added again were not the values sent, and the next
                // batch failed on a duplicate login (InsertionGroupeeTests on PostgreSQL).
                var reprise = commande.Parameters.Count > 0;
                var rang = 0;
                var parUnique = new Dictionary<string, T>(paquet.Length, StringComparer.Ordinal);
                foreach (var entite in paquet)
                {
                    foreach (var colonne in colonnes)
                    {
                        if (reprise)
                        {
                            commande.Parameters[rang].Value = Valeur(commande, colonne, Lire(colonne, entite));
                        }
                        else
                        {
                            Parametre(commande, colonne, Lire(colonne, entite));
                        }

                        rang++;
                    }

                    if (!parUnique.TryAdd(Unique(proprietesUniques.Select(p => Lire(p, entite))), entite))
                    {
                        throw new InvalidOperationException($"Two {typeof(T).Name} entities have the same {string.Join(", ", uniques)}.");
                    }
                }

                var lues = 0;
                try
                {
                    await using var lecteur = await commande.ExecuteReaderAsync(ct);
                    while (await lecteur.ReadAsync(ct))
                    {
                        var entite = parUnique[Unique(Enumerable.Range(1, proprietesUniques.Count).Select(lecteur.GetValue))];
                        Ecrire(cle, entite, Convert.ChangeType(lecteur.GetValue(0), cle.ClrType, System.Globalization.CultureInfo.InvariantCulture));
                        lues++;
                    }
                }
                catch (DbException erreur)
                {
                    throw InsertionRefusee<T>(erreur);
                }

                if (lues != paquet.Length)
                {
                    throw new InvalidOperationException($"{lues} of {paquet.Length} {typeof(T).Name} rows were inserted.");
                }
            }
        }
        finally
        {
            if (commande is not null)
            {
                await commande.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// PostgreSQL : les clés sont prises d'avance à la séquence de la colonne d'identité (<c>nextval</c>, une requête pour
    /// toutes) et rendues aux entités, puis les lignes passent par <see cref="CopierAsync{T}"/> : 6 500 comptes passaient
    /// en 0,7 s par <c>INSERT</c> de 100 lignes, en 0,3 s ainsi.
    /// </summary>
    private static async Task InsererParCopieAsync<T>(DbContext db, StoreObjectIdentifier table, IProperty cle, List<IProperty> colonnes, IReadOnlyCollection<T> entites, CancellationToken ct)
        where T : class
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        try
        {
            await using (var commande = Commande(db))
            {
                commande.CommandText = "SELECT nextval(pg_get_serial_sequence(@table, @colonne)) FROM generate_series(1, @lignes)";
                var parametres = new (string Nom, object Valeur)[] { ("@table", sql.DelimitIdentifier(table.Name, table.Schema)), ("@colonne", cle.GetColumnName(table)!), ("@lignes", entites.Count) };
                foreach (var (nom, valeur) in parametres)
                {
                    var parametre = commande.CreateParameter();
                    parametre.ParameterName = nom;
                    parametre.Value = valeur;
                    commande.Parameters.Add(parametre);
                }

                await using var lecteur = await commande.ExecuteReaderAsync(ct);
                foreach (var entite in entites)
                {
                    if (!await lecteur.ReadAsync(ct))
                    {
                        throw new InvalidOperationException($"The sequence gave fewer keys than {entites.Count} {typeof(T).Name} rows.");
                    }

                    Ecrire(cle, entite, Convert.ChangeType(lecteur.GetInt64(0), cle.ClrType, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            await CopierAsync(db, table, [cle, .. colonnes], entites, ct);
        }
        catch (Npgsql.NpgsqlException erreur)
        {
            throw InsertionRefusee<T>(erreur);
        }
    }

    /// <summary>Une insertion refusée par la base (index unique, contrainte), dite comme <c>SaveChanges</c> la dit : l'appelant annule toute l'opération.</summary>
    private static DbUpdateException InsertionRefusee<T>(DbException erreur) =>
        new($"Inserting {typeof(T).Name} rows failed: {erreur.Message}", erreur);

    /// <summary>
    /// PostgreSQL : écrit les <paramref name="colonnes"/> des entités par <c>COPY … FROM STDIN (FORMAT BINARY)</c>, sans
    /// requête à analyser ni paramètres. Chaque valeur est lue dans l'entité, convertie par le modèle et écrite sous le
    /// type de sa colonne.
    /// </summary>
    private static async Task CopierAsync<T>(DbContext db, StoreObjectIdentifier table, IReadOnlyList<IProperty> colonnes, IEnumerable<T> entites, CancellationToken ct)
        where T : class
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var types = colonnes.Select(p => p.GetRelationalTypeMapping()).ToList();
        var noms = string.Join(", ", colonnes.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var connexion = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using var copie = await connexion.BeginBinaryImportAsync($"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({noms}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var entite in entites)
        {
            await copie.StartRowAsync(ct);
            for (var i = 0; i < colonnes.Count; i++)
            {
                var valeur = Lire(colonnes[i], entite);
                if (valeur is not null && types[i].Converter is { } conversion)
                {
                    valeur = conversion.ConvertToProvider(valeur);
                }

                if (valeur is null)
                {
                    await copie.WriteNullAsync(ct);
                }
                else
                {
                    await copie.WriteAsync(valeur, types[i].StoreTypeNameBase, ct);
                }
            }
        }

        await copie.CompleteAsync(ct);
    }

    /// <summary>Chaque clé étrangère (à une colonne) d'une entité prend la clé de l'entité que désigne sa navigation.</summary>
    private static void ReporterClesEtrangeres<T>(IEntityType type, IReadOnlyCollection<T> entites)
        where T : class
    {
        foreach (var cleEtrangere in type.GetForeignKeys().Where(f => f.DependentToPrincipal is not null && f.Properties.Count == 1))
        {
            var propriete = cleEtrangere.Properties[0];
            var cleParent = cleEtrangere.PrincipalKey.Properties[0];
            foreach (var entite in entites)
            {
                if (Lire(cleEtrangere.DependentToPrincipal!, entite) is not { } parent)
                {
                    continue;
                }

                var valeur = Lire(cleParent, parent);
                if (valeur is null || valeur.Equals(cleParent.Sentinel))
                {
                    throw new InvalidOperationException($"A {typeof(T).Name} points to a {parent.GetType().Name} that has no key yet.");
                }

                Ecrire(propriete, entite, valeur);
            }
        }
    }

    /// <summary>L'entité <typeparamref name="T"/> du modèle et sa table.</summary>
    internal static (IEntityType Type, StoreObjectIdentifier Table) Entite<T>(DbContext db)
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        return (type, StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()));
    }

    /// <summary>La valeur d'une propriété ou d'une navigation, lue comme EF la lit : par son champ s'il en a un.</summary>
    internal static object? Lire(IPropertyBase propriete, object entite) =>
        propriete.FieldInfo is { } champ ? champ.GetValue(entite) : propriete.PropertyInfo!.GetValue(entite);

    /// <summary>Pose la valeur d'une propriété comme EF la pose : par son champ s'il en a un.</summary>
    internal static void Ecrire(IPropertyBase propriete, object entite, object? valeur)
    {
        if (propriete.FieldInfo is { } champ)
        {
            champ.SetValue(entite, valeur);
        }
        else
        {
            propriete.PropertyInfo!.SetValue(entite, valeur);
        }
    }

    /// <summary>
    /// Écrit les <paramref name="proprietes"/> d'une entité <b>non suivie</b> (avec son jeton de concurrence, déjà changé
    /// par l'entité) par un seul <c>UPDATE</c> de sa ligne, à condition que le jeton y vaille encore
    /// <paramref name="jetonLu"/> ; sinon rien n'est écrit et <see cref="DbUpdateConcurrencyException"/> est levée, comme
    /// <c>SaveChanges</c> l'aurait fait. Sert à la version de l'établissement qu'un import fait monter : suivre
    /// l'établissement pour cela coûtait à un processus neuf la mise en route du suivi des modifications d'EF et de
    /// son enregistrement (0,1 s), tout ce qu'écrit un réimport inchangé. À appeler dans la transaction de l'opération.
    /// </summary>
    public static async Task MettreAJourAsync<T>(DbContext db, T entite, object jetonLu, IReadOnlyList<string> proprietes, CancellationToken ct)
        where T : class
    {
        var (type, table) = Entite<T>(db);
        var cle = type.FindPrimaryKey()!.Properties.Single();
        var jeton = type.GetProperties().Single(p => p.IsConcurrencyToken);
        var sql = db.GetService<ISqlGenerationHelper>();
        string Colonne(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);

        await using var commande = Commande(db);
        var affectations = proprietes.Select(n => type.FindProperty(n) ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {n}."))
            .Append(jeton)
            .Distinct()
            .Select(p => $"{Colonne(p)} = {Parametre(commande, p, Lire(p, entite))}")
            .ToList();
        commande.CommandText = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {string.Join(", ", affectations)} " +
            $"WHERE {Colonne(cle)} = {Parametre(commande, cle, Lire(cle, entite))} AND {Colonne(jeton)} = {Parametre(commande, jeton, jetonLu)}";
        if (await commande.ExecuteNonQueryAsync(ct) != 1)
        {
            throw new DbUpdateConcurrencyException($"The {typeof(T).Name} row changed since it was read.");
        }
    }

    /// <summary>Les valeurs des colonnes uniques d'une ligne, en un texte (entiers et textes : même forme côté .NET et côté base).</summary>
    private static string Unique(IEnumerable<object?> valeurs) =>
        string.Join('\u001f', valeurs.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Les comptes d'entrées du journal déjà écrites : <c>INSERT … VALUES (…), (…)</c> groupés, <c>COPY</c> sur PostgreSQL.</summary>
    internal static async Task InsererLiensAsync(DbContext db, IReadOnlyCollection<EvenementCompte> liens, CancellationToken ct)
    {
        if (liens.Count == 0)
        {
            return;
        }

        var (type, table) = Entite<EvenementCompte>(db);
        var evenement = type.FindProperty(nameof(EvenementCompte.EvenementId))!;
        var compte = type.FindProperty(nameof(EvenementCompte.CompteId))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        if (db.Database.IsNpgsql())
        {
            // COPY, as the rows InsererAsync writes: 6,500 links took 0.2 s by INSERTs of 1,000 rows.
            ReporterClesEtrangeres(type, liens);
            await CopierAsync(db, table, [evenement, compte], liens, ct);
            return;
        }

        foreach (var paquet in liens.Chunk(LignesParRequete(db)))
        {
            await using var commande = Commande(db);
            var valeurs = string.Join(", ", paquet.Select(l => $"({Parametre(commande, evenement, l.Evenement.Id)}, {Parametre(commande, compte, l.CompteId)})"));
            commande.CommandText =
                $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                $"({sql.DelimitIdentifier(evenement.GetColumnName(table)!)}, {sql.DelimitIdentifier(compte.GetColumnName(table)!)}) VALUES {valeurs}";
            await commande.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbCommand Commande(DbContext db)
    {
        var commande = db.Database.GetDbConnection().CreateCommand();
        commande.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        return commande;
    }

    /// <summary>La valeur qu'EF enverrait pour cette propriété (conversion comprise), pour un paramètre déjà là.</summary>
    private static object Valeur(DbCommand commande, IProperty propriete, object? valeur) =>
        propriete.GetRelationalTypeMapping().CreateParameter(commande, "valeur", valeur, propriete.IsNullable).Value ?? DBNull.Value;

    /// <summary>Ajoute un paramètre typé comme EF le ferait (conversion comprise) et renvoie son nom.</summary>
    private static string Parametre(DbCommand commande, IProperty propriete, object? valeur)
    {
        var nom = "@p" + commande.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        commande.Parameters.Add(propriete.GetRelationalTypeMapping().CreateParameter(commande, nom, valeur, propriete.IsNullable));
        return nom;
    }
}
