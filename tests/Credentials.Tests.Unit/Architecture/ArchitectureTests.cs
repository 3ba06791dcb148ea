using System.Reflection;
using System.Text.RegularExpressions;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;

namespace Credentials.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/architecture.md, « Règles de dépendance », checked on the code itself: Core knows
/// nothing of ASP.NET's web stack; the shared kernel depends on no feature; features depend on each other without a
/// cycle, and only on each other's public types.
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>What every feature may use: entities and rules, secrets, the permission matrix.</summary>
    private static readonly string[] Noyau = ["Domain", "Secrets", "Acces"];

    /// <summary>The DbContext and its configurations, the registrations and the demo seeder: they assemble every feature.</summary>
    private static readonly string[] Assemblage = ["Data", "Seeding"];

    private static readonly Assembly Core = typeof(Compte).Assembly;

    [Fact]
    public void Core_ne_depend_pas_de_la_pile_web()
    {
        // Data Protection and Identity's stores live under Microsoft.AspNetCore.* but are libraries, not the web stack.
        string[] permis = ["Microsoft.AspNetCore.DataProtection", "Microsoft.AspNetCore.Identity", "Microsoft.AspNetCore.Cryptography"];
        var web = Core.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && !permis.Any(p => n.StartsWith(p, StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(web);
        Assert.DoesNotContain(Core.GetTypes(), t => t.GetInterfaces().Any(i => i.Namespace?.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void Le_noyau_ne_depend_d_aucune_fonctionnalite()
    {
        var graphe = Graphe();
        var ecarts = Noyau.SelectMany(n => graphe.GetValueOrDefault(n, []).Where(d => !Noyau.Contains(d)).Select(d => $"{n} → {d}")).ToList();
        Assert.Empty(ecarts);
    }

    [Fact]
    public void Les_fonctionnalites_ne_forment_pas_de_cycle()
    {
        var graphe = Graphe();
        var fonctionnalites = graphe.Keys.Concat(graphe.Values.SelectMany(v => v)).Where(EstFonctionnalite).ToHashSet();
        Assert.Contains("Comptes", fonctionnalites);
        var cycles = new List<string>();
        foreach (var depart in fonctionnalites)
        {
            // Every feature reachable from this one; reaching the start again is a cycle.
            var vus = new HashSet<string>();
            var pile = new Stack<string>(graphe.GetValueOrDefault(depart, []).Where(EstFonctionnalite));
            while (pile.TryPop(out var n))
            {
                if (n == depart)
                {
                    cycles.Add(depart);
                    break;
                }

                if (vus.Add(n))
                {
                    foreach (var d in graphe.GetValueOrDefault(n, []).Where(EstFonctionnalite))
                    {
                        pile.Push(d);
                    }
                }
            }
        }

        Assert.Empty(cycles);
    }

    [Fact]
    public void Une_fonctionnalite_n_utilise_pas_les_types_internes_d_une_autre()
    {
        var ecarts = new List<string>();
        var vus = 0;
        foreach (var type in Core.GetTypes().Where(t => Fonctionnalite(t) is not null))
        {
            foreach (var utilise in TypesUtilises(type))
            {
                vus++;
                if (Fonctionnalite(utilise) is { } autre && autre != Fonctionnalite(type) && !EstVisible(utilise))
                {
                    ecarts.Add($"{type.Name} ({Fonctionnalite(type)}) utilise {utilise.Name}, interne à {autre}");
                }
            }
        }

        Assert.True(vus > 1_000, $"only {vus} type references were read");
        Assert.Empty(ecarts.Distinct());
    }

    /// <summary>The feature a Core type belongs to, or null for the shared kernel, the assembly and other assemblies.</summary>
    private static string? Fonctionnalite(Type type) =>
        type.Assembly == Core && type.Namespace is { } ns && ns.StartsWith("Credentials.Core.", StringComparison.Ordinal) && EstFonctionnalite(Dernier(ns)) ? Dernier(ns) : null;

    private static bool EstVisible(Type type) => type.IsPublic || (type.IsNestedPublic && EstVisible(type.DeclaringType!));

    /// <summary>The types a type's signatures and method bodies' locals mention (generic arguments included).</summary>
    private static IEnumerable<Type> TypesUtilises(Type type)
    {
        const BindingFlags tout = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var directs = new List<Type?> { type.BaseType };
        directs.AddRange(type.GetInterfaces());
        directs.AddRange(type.GetFields(tout).Select(f => f.FieldType));
        directs.AddRange(type.GetProperties(tout).Select(p => p.PropertyType));
        foreach (var methode in type.GetMethods(tout).Cast<MethodBase>().Concat(type.GetConstructors(tout)))
        {
            directs.AddRange(methode.GetParameters().Select(p => p.ParameterType));
            if (methode is MethodInfo m)
            {
                directs.Add(m.ReturnType);
            }

            directs.AddRange(methode.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? []);
        }

        return directs.OfType<Type>().SelectMany(Deplier).Distinct();
    }

    private static IEnumerable<Type> Deplier(Type type)
    {
        if (type.HasElementType)
        {
            return Deplier(type.GetElementType()!);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Deplier).Prepend(type.GetGenericTypeDefinition()) : [type];
    }

    /// <summary>Namespace → the Core namespaces it uses (by <c>using</c> or by a qualified name), from the sources.</summary>
    private static Dictionary<string, HashSet<string>> Graphe()
    {
        var graphe = new Dictionary<string, HashSet<string>>();
        foreach (var (_, ns, texte) in Sources())
        {
            var dependances = UsingRegex().Matches(texte).Concat(QualifieRegex().Matches(texte)).Select(m => m.Groups[1].Value).Where(d => d != ns);
            var ensemble = graphe.TryGetValue(ns, out var e) ? e : graphe[ns] = [];
            ensemble.UnionWith(dependances);
        }

        return graphe;
    }

    private static IEnumerable<(string Fichier, string Namespace, string Texte)> Sources()
    {
        var dossier = Path.Combine(Racine.Depot, "src", "Credentials.Core");
        foreach (var fichier in Directory.EnumerateFiles(dossier, "*.cs", SearchOption.AllDirectories))
        {
            if (fichier.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var texte = File.ReadAllText(fichier);
            if (NamespaceRegex().Match(texte) is { Success: true } m)
            {
                yield return (fichier, m.Groups[1].Value, texte);
            }
        }
    }

    private static bool EstFonctionnalite(string ns) => !Noyau.Contains(ns) && !Assemblage.Contains(ns);

    private static string Dernier(string ns) => ns["Credentials.Core.".Length..].Split('.')[0];

    [GeneratedRegex(@"^namespace Credentials\.Core\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceRegex();

    [GeneratedRegex(@"^using Credentials\.Core\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex UsingRegex();

    [GeneratedRegex(@"\bCore\.(\w+)\.[A-Z]")]
    private static partial Regex QualifieRegex();
}
