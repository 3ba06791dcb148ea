namespace Credentials.Web.Infrastructure;

/// <summary>Le filtre « Classe(s) » d'une recherche : une case par classe, et ce que le filtre veut dire.</summary>
public sealed record FiltreClasses(string Legende, IReadOnlyList<string> Codes, IReadOnlyCollection<string> Choisies, string Aide);
