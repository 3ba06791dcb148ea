using System.Numerics;
using System.Text;

namespace Credentials.Core.Documents.Pdf;

/// <summary>
/// Les modules d'un QR code, sans zone de silence, ligne après ligne : un octet par module, 1 pour un module sombre.
/// </summary>
internal sealed class MatriceQr(int version, int masque, int cote, byte[] modules)
{
    /// <summary>La version (1 à 40) : le côté vaut 4 × version + 17 modules.</summary>
    public int Version { get; } = version;

    /// <summary>Le masque (0 à 7) retenu par les pénalités de la norme.</summary>
    public int Masque { get; } = masque;

    public int Cote { get; } = cote;

    /// <summary>Le module de la colonne <paramref name="x"/> et de la ligne <paramref name="y"/> (0, 0 en haut à gauche).</summary>
    public bool Sombre(int x, int y) => modules[(y * Cote) + x] != 0;
}

/// <summary>
/// Encodeur QR code (ISO/IEC 18004) réduit à ce que les courriers impriment : un lien, en mode octet, au niveau de
/// correction M, dans la plus petite version qui le contient. Le masque est choisi comme le faisait QRCoder (les quatre
/// pénalités, la plus faible l'emporte, la première en cas d'égalité) : les codes sont identiques module pour module,
/// mais calculés sur des tableaux d'octets et, pour noter les masques, sur des rangées de bits, plutôt qu'en
/// <c>BitArray</c> et en huit copies de la matrice — QRCoder prenait les trois quarts du temps de rendu de 2 000 courriers.
/// </summary>
internal static class CodeQr
{
    // Level M, versions 1 to 40 (index 0 = version 1): error correction codewords per block, and number of blocks.
    private static readonly byte[] CorrectionParBloc =
        [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];

    private static readonly byte[] Blocs =
        [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];

    private const int BitsNiveauM = 0b00;
    private const int IndicateurEci = 0b0111;
    private const int EciUtf8 = 26;
    private const int ModeOctet = 0b0100;

    // The finder-like patterns of the third penalty, first module in the highest bit.
    private const int Motif = 0b10111010000;
    private const int MotifInverse = 0b00001011101;

    private static readonly byte[] Exp = new byte[255];
    private static readonly byte[] Log = new byte[256];

    static CodeQr()
    {
        // GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), generator α = 2.
        var x = 1;
        for (var i = 0; i < 255; i++)
        {
            Exp[i] = (byte)x;
            Log[x] = (byte)i;
            x <<= 1;
            if (x > 0xFF)
            {
                x ^= 0x11D;
            }
        }
    }

    /// <summary>
    /// Le QR code de <paramref name="texte"/> : en ISO-8859-1 sans désignateur s'il tient dans cet alphabet (ce que
    /// lisent tous les lecteurs), en UTF-8 annoncé par l'ECI 26 sinon.
    /// </summary>
    public static MatriceQr Encoder(string texte)
    {
        var latin1 = texte.All(c => c <= 0xFF);
        var octets = latin1 ? Encoding.Latin1.GetBytes(texte) : Encoding.UTF8.GetBytes(texte);
        var version = Version(octets.Length, eci: !latin1);
        var donnees = Donnees(octets, !latin1, version);
        var gabarit = Gabarit.De(version);
        var mots = Entrelacer(donnees, version, gabarit.Diviseur);
        var modules = (byte[])gabarit.Motifs.Clone();
        Placer(mots, modules, gabarit.Fonction, gabarit.Cote);

        var essai = new byte[modules.Length];
        Span<ulong> lignes = stackalloc ulong[64], colonnes = stackalloc ulong[64];
        var meilleur = -1;
        var meilleurScore = int.MaxValue;
        for (var masque = 0; masque < 8; masque++)
        {
            gabarit.Masquer(modules, masque, essai);
            var score = gabarit.Cote < 64 ? PenaliteBits(essai, gabarit.Cote, lignes, colonnes) : Penalite(essai, gabarit.Cote);
            if (score < meilleurScore)
            {
                meilleur = masque;
                meilleurScore = score;
            }
        }

        gabarit.Masquer(modules, meilleur, essai);
        return new MatriceQr(version, meilleur, gabarit.Cote, essai);
    }

    /// <summary>La plus petite version dont la capacité au niveau M contient l'en-tête et les octets.</summary>
    private static int Version(int octets, bool eci)
    {
        for (var version = 1; version <= 40; version++)
        {
            var bits = (eci ? 12 : 0) + 4 + BitsLongueur(version) + (8 * octets);
            if (bits <= MotsDeDonnees(version) * 8)
            {
                return version;
            }
        }

        throw new ArgumentException($"Le texte ({octets} octets) est trop long pour un QR code de niveau M.");
    }

    private static int BitsLongueur(int version) => version < 10 ? 8 : 16;

    /// <summary>Les modules de données et de correction de la version : tout, moins les motifs et les informations de format et de version.</summary>
    private static int ModulesDeDonnees(int version)
    {
        var resultat = (((16 * version) + 128) * version) + 64;
        if (version >= 2)
        {
            var alignements = (version / 7) + 2;
            resultat -= (((25 * alignements) - 10) * alignements) - 55;
            if (version >= 7)
            {
                resultat -= 36;
            }
        }

        return resultat;
    }

    private static int MotsDeDonnees(int version) =>
        (ModulesDeDonnees(version) / 8) - (CorrectionParBloc[version - 1] * Blocs[version - 1]);

    /// <summary>En-tête, octets, terminateur, bourrage jusqu'à la capacité (0xEC, 0x11 en alternance).</summary>
    private static byte[] Donnees(byte[] octets, bool eci, int version)
    {
        var capacite = MotsDeDonnees(version);
        var flux = new FluxDeBits(capacite);
        if (eci)
        {
            flux.Ecrire(IndicateurEci, 4);
            flux.Ecrire(EciUtf8, 8);
        }

        flux.Ecrire(ModeOctet, 4);
        flux.Ecrire(octets.Length, BitsLongueur(version));
        foreach (var o in octets)
        {
            flux.Ecrire(o, 8);
        }

        flux.Ecrire(0, Math.Min(4, (capacite * 8) - flux.Longueur));
        flux.Ecrire(0, (8 - (flux.Longueur % 8)) % 8);
        for (var bourrage = 0xEC; flux.Longueur < capacite * 8; bourrage ^= 0xEC ^ 0x11)
        {
            flux.Ecrire(bourrage, 8);
        }

        return flux.Octets;
    }

    /// <summary>Les données coupées en blocs (les courts d'abord), chacun suivi de sa correction, entrelacés colonne par colonne.</summary>
    private static byte[] Entrelacer(byte[] donnees, int version, byte[] diviseur)
    {
        var blocs = Blocs[version - 1];
        var correction = CorrectionParBloc[version - 1];
        var total = ModulesDeDonnees(version) / 8;
        var courts = blocs - (total % blocs);
        var longueurCourte = (total / blocs) - correction;

        var resultat = new byte[total];
        var debut = 0;
        for (var b = 0; b < blocs; b++)
        {
            var longueur = longueurCourte + (b < courts ? 0 : 1);
            var bloc = donnees.AsSpan(debut, longueur);
            var reste = Reste(bloc, diviseur);
            debut += longueur;

            // Column i of the data: every block's i-th codeword in turn (a short block has no last column).
            for (var i = 0; i < longueur; i++)
            {
                var colonne = i < longueurCourte ? (i * blocs) + b : (longueurCourte * blocs) + (b - courts);
                resultat[colonne] = bloc[i];
            }

            var donneesTotal = donnees.Length;
            for (var i = 0; i < correction; i++)
            {
                resultat[donneesTotal + (i * blocs) + b] = reste[i];
            }
        }

        return resultat;
    }

    /// <summary>Le polynôme générateur de degré <paramref name="degre"/>, coefficients du plus haut au plus bas (sans le premier, 1).</summary>
    private static byte[] Diviseur(int degre)
    {
        var resultat = new byte[degre];
        resultat[degre - 1] = 1;
        var racine = 1;
        for (var i = 0; i < degre; i++)
        {
            for (var j = 0; j < degre; j++)
            {
                resultat[j] = Multiplier(resultat[j], (byte)racine);
                if (j + 1 < degre)
                {
                    resultat[j] ^= resultat[j + 1];
                }
            }

            racine = Multiplier((byte)racine, 2);
        }

        return resultat;
    }

    private static byte[] Reste(ReadOnlySpan<byte> donnees, byte[] diviseur)
    {
        var resultat = new byte[diviseur.Length];
        foreach (var b in donnees)
        {
            var facteur = (byte)(b ^ resultat[0]);
            Array.Copy(resultat, 1, resultat, 0, resultat.Length - 1);
            resultat[^1] = 0;
            for (var i = 0; i < resultat.Length; i++)
            {
                resultat[i] ^= Multiplier(diviseur[i], facteur);
            }
        }

        return resultat;
    }

    private static byte Multiplier(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[(Log[a] + Log[b]) % 255];

    /// <summary>Repères, séparateurs, lignes de synchronisation, alignements, module sombre, zones de format et de version.</summary>
    private static void DessinerMotifs(byte[] modules, bool[] fonction, int cote, int version)
    {
        void Poser(int x, int y, bool sombre)
        {
            modules[(y * cote) + x] = sombre ? (byte)1 : (byte)0;
            fonction[(y * cote) + x] = true;
        }

        for (var i = 0; i < cote; i++)
        {
            Poser(6, i, i % 2 == 0);
            Poser(i, 6, i % 2 == 0);
        }

        foreach (var (cx, cy) in new[] { (3, 3), (cote - 4, 3), (3, cote - 4) })
        {
            for (var dy = -4; dy <= 4; dy++)
            {
                for (var dx = -4; dx <= 4; dx++)
                {
                    var (x, y) = (cx + dx, cy + dy);
                    if (x >= 0 && x < cote && y >= 0 && y < cote)
                    {
                        var distance = Math.Max(Math.Abs(dx), Math.Abs(dy));
                        Poser(x, y, distance != 2 && distance != 4);
                    }
                }
            }
        }

        var positions = PositionsAlignement(version, cote);
        foreach (var cy in positions)
        {
            foreach (var cx in positions)
            {
                // Not over the three finder patterns.
                if ((cx == 6 && cy == 6) || (cx == 6 && cy == cote - 7) || (cx == cote - 7 && cy == 6))
                {
                    continue;
                }

                for (var dy = -2; dy <= 2; dy++)
                {
                    for (var dx = -2; dx <= 2; dx++)
                    {
                        Poser(cx + dx, cy + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
                    }
                }
            }
        }

        // Format areas, written with each mask; the dark module.
        for (var i = 0; i < 9; i++)
        {
            fonction[(8 * cote) + i] = true;
            fonction[(i * cote) + 8] = true;
        }

        for (var i = 0; i < 8; i++)
        {
            fonction[(8 * cote) + cote - 1 - i] = true;
            fonction[((cote - 1 - i) * cote) + 8] = true;
        }

        Poser(8, cote - 8, true);

        if (version >= 7)
        {
            var reste = version;
            for (var i = 0; i < 12; i++)
            {
                reste = (reste << 1) ^ ((reste >> 11) * 0x1F25);
            }

            var bits = (version << 12) | reste;
            for (var i = 0; i < 18; i++)
            {
                var sombre = ((bits >> i) & 1) != 0;
                var a = cote - 11 + (i % 3);
                var b = i / 3;
                Poser(a, b, sombre);
                Poser(b, a, sombre);
            }
        }
    }

    private static int[] PositionsAlignement(int version, int cote)
    {
        if (version == 1)
        {
            return [];
        }

        var nombre = (version / 7) + 2;
        var pas = (((version * 8) + (nombre * 3) + 5) / ((nombre * 4) - 4)) * 2;
        var resultat = new int[nombre];
        resultat[0] = 6;
        for (int i = nombre - 1, position = cote - 7; i >= 1; i--, position -= pas)
        {
            resultat[i] = position;
        }

        return resultat;
    }

    /// <summary>Les mots en zigzag, deux colonnes à la fois depuis la droite, en sautant la colonne de synchronisation.</summary>
    private static void Placer(byte[] mots, byte[] modules, bool[] fonction, int cote)
    {
        var bit = 0;
        var total = mots.Length * 8;
        for (var droite = cote - 1; droite >= 1; droite -= 2)
        {
            if (droite == 6)
            {
                droite = 5;
            }

            var montant = ((droite + 1) & 2) == 0;
            for (var rang = 0; rang < cote; rang++)
            {
                var y = montant ? cote - 1 - rang : rang;
                for (var j = 0; j < 2; j++)
                {
                    var i = (y * cote) + droite - j;
                    if (!fonction[i] && bit < total)
                    {
                        modules[i] = (byte)((mots[bit >> 3] >> (7 - (bit & 7))) & 1);
                        bit++;
                    }
                }
            }
        }
    }

    /// <summary>
    /// La pénalité d'une matrice masquée, comme QRCoder la calcule : suites de 5 modules ou plus (3, plus 1 par module
    /// au-delà), carrés 2 × 2 d'une couleur (3 chacun), motifs 1:1:3:1:1 bordés de 4 clairs dans la matrice (40 chacun),
    /// écart à la moitié de modules sombres (10 par tranche de 5 %). Sans branchement sur la couleur des modules : le
    /// processeur ne peut pas les prévoir, et les mauvaises prédictions coûtaient plus que le calcul.
    /// </summary>
    private static int Penalite(byte[] m, int cote)
    {
        var score = 0;
        for (var a = 0; a < cote; a++)
        {
            score += Rangee(m, a * cote, 1, cote) + Rangee(m, a, cote, cote);
        }

        for (var y = 0; y < cote - 1; y++)
        {
            for (int x = 0, i = y * cote; x < cote - 1; x++, i++)
            {
                var v = m[i];
                var different = (v ^ m[i + 1]) | (v ^ m[i + cote]) | (v ^ m[i + cote + 1]);
                score += 3 * (1 - different);
            }
        }

        var sombres = 0;
        foreach (var v in m)
        {
            sombres += v;
        }

        var vingtiemes = sombres * 20 / (cote * cote);
        return score + (Math.Min(Math.Abs(vingtiemes - 10), Math.Abs(vingtiemes - 9)) * 10);
    }

    /// <summary>
    /// Une ligne (<paramref name="pas"/> = 1) ou une colonne (<paramref name="pas"/> = côté) : ses suites de 5 modules
    /// ou plus, et ses fenêtres de onze modules 10111010000 ou 00001011101.
    /// </summary>
    private static int Rangee(byte[] m, int debut, int pas, int cote)
    {
        var score = 0;
        var suite = 0;
        var precedent = (int)m[debut];
        var fenetre = 0;
        for (int k = 0, i = debut; k < cote; k++, i += pas)
        {
            int v = m[i];
            suite = (suite * (1 - (v ^ precedent))) + 1;
            precedent = v;
            if (suite >= 5)
            {
                score += suite == 5 ? 3 : 1;
            }

            fenetre = ((fenetre << 1) | v) & 0x7FF;
            if (k >= 10 && (fenetre == Motif || fenetre == MotifInverse))
            {
                score += 40;
            }
        }

        return score;
    }

    /// <summary>
    /// La même pénalité sur des rangées de bits (bit x d'une ligne : le module de la colonne x), pour les codes de moins
    /// de 64 modules de côté — jusqu'à la version 11, 251 octets, les liens des courriers : quelques opérations par
    /// rangée au lieu de quelques-unes par module.
    /// </summary>
    private static int PenaliteBits(byte[] m, int cote, Span<ulong> lignes, Span<ulong> colonnes)
    {
        colonnes[..cote].Clear();
        for (var y = 0; y < cote; y++)
        {
            ulong ligne = 0;
            for (int x = 0, i = y * cote; x < cote; x++, i++)
            {
                ulong v = m[i];
                ligne |= v << x;
                colonnes[x] |= v << y;
            }

            lignes[y] = ligne;
        }

        var score = 0;
        var sombres = 0;
        for (var a = 0; a < cote; a++)
        {
            score += RangeeBits(lignes[a], cote) + RangeeBits(colonnes[a], cote);
            sombres += BitOperations.PopCount(lignes[a]);
        }

        // Bit x: the 2 × 2 square whose top left module is in column x has one colour.
        var coins = (1UL << (cote - 1)) - 1;
        for (var y = 0; y < cote - 1; y++)
        {
            var (haut, bas) = (lignes[y], lignes[y + 1]);
            score += 3 * BitOperations.PopCount(~(haut ^ bas) & ~(haut ^ (haut >> 1)) & ~(bas ^ (bas >> 1)) & coins);
        }

        var vingtiemes = sombres * 20 / (cote * cote);
        return score + (Math.Min(Math.Abs(vingtiemes - 10), Math.Abs(vingtiemes - 9)) * 10);
    }

    /// <summary>Les suites de 5 modules ou plus et les motifs de onze modules d'une rangée de bits.</summary>
    private static int RangeeBits(ulong rangee, int cote)
    {
        // Bit x: module x has the colour of module x + 1; four of them in a row start a run of five at x. A run of
        // n ≥ 5 modules has n - 4 such starts and scores 3 + (n - 5): one per start, plus 2 per run.
        var pareils = ~(rangee ^ (rangee >> 1)) & ((1UL << (cote - 1)) - 1);
        var cinq = pareils & (pareils >> 1) & (pareils >> 2) & (pareils >> 3);
        var score = BitOperations.PopCount(cinq) + (2 * BitOperations.PopCount(cinq & ~(cinq << 1)));

        // Bit x: the eleven modules from x are the pattern (module x + k is bit k of the row shifted by k).
        ulong motif = (1UL << (cote - 10)) - 1, inverse = motif;
        for (var k = 0; k < 11; k++)
        {
            var decalee = rangee >> k;
            motif &= ((Motif >> (10 - k)) & 1) != 0 ? decalee : ~decalee;
            inverse &= ((MotifInverse >> (10 - k)) & 1) != 0 ? decalee : ~decalee;
        }

        return score + (40 * (BitOperations.PopCount(motif) + BitOperations.PopCount(inverse)));
    }

    /// <summary>
    /// Ce qui ne dépend que de la version, calculé une fois : le polynôme de correction, les motifs fixes, les modules
    /// qui leur appartiennent (ni données ni masque) et, pour chaque masque, les modules de données qu'il inverse.
    /// </summary>
    private sealed class Gabarit
    {
        private static readonly Gabarit?[] Versions = new Gabarit?[41];

        private readonly byte[][] masques = new byte[8][];

        private Gabarit(int version)
        {
            Cote = (4 * version) + 17;
            Diviseur = CodeQr.Diviseur(CorrectionParBloc[version - 1]);
            Motifs = new byte[Cote * Cote];
            Fonction = new bool[Cote * Cote];
            DessinerMotifs(Motifs, Fonction, Cote, version);
            for (var masque = 0; masque < 8; masque++)
            {
                var inverses = masques[masque] = new byte[Cote * Cote];
                for (var y = 0; y < Cote; y++)
                {
                    for (var x = 0; x < Cote; x++)
                    {
                        var inverse = masque switch
                        {
                            0 => (x + y) % 2 == 0,
                            1 => y % 2 == 0,
                            2 => x % 3 == 0,
                            3 => (x + y) % 3 == 0,
                            4 => ((x / 3) + (y / 2)) % 2 == 0,
                            5 => ((x * y) % 2) + ((x * y) % 3) == 0,
                            6 => (((x * y) % 2) + ((x * y) % 3)) % 2 == 0,
                            _ => (((x + y) % 2) + ((x * y) % 3)) % 2 == 0,
                        };
                        inverses[(y * Cote) + x] = (byte)(inverse && !Fonction[(y * Cote) + x] ? 1 : 0);
                    }
                }
            }
        }

        public int Cote { get; }

        /// <summary>Le polynôme générateur de la correction d'erreurs d'un bloc de cette version.</summary>
        public byte[] Diviseur { get; }

        public byte[] Motifs { get; }

        public bool[] Fonction { get; }

        /// <summary>Le gabarit de la version ; deux threads peuvent le calculer en même temps, le résultat est le même.</summary>
        public static Gabarit De(int version) => Versions[version] ??= new Gabarit(version);

        /// <summary>Les modules masqués dans <paramref name="cible"/>, avec l'information de format de ce masque.</summary>
        public void Masquer(byte[] modules, int masque, byte[] cible)
        {
            var inverses = masques[masque];
            for (var i = 0; i < cible.Length; i++)
            {
                cible[i] = (byte)(modules[i] ^ inverses[i]);
            }

            var donnees = (BitsNiveauM << 3) | masque;
            var reste = donnees;
            for (var i = 0; i < 10; i++)
            {
                reste = (reste << 1) ^ ((reste >> 9) * 0x537);
            }

            var bits = ((donnees << 10) | reste) ^ 0x5412;
            var cote = Cote;
            void Ecrire(int x, int y, int rang) => cible[(y * cote) + x] = (byte)((bits >> rang) & 1);

            for (var i = 0; i <= 5; i++)
            {
                Ecrire(8, i, i);
            }

            Ecrire(8, 7, 6);
            Ecrire(8, 8, 7);
            Ecrire(7, 8, 8);
            for (var i = 9; i < 15; i++)
            {
                Ecrire(14 - i, 8, i);
            }

            for (var i = 0; i < 8; i++)
            {
                Ecrire(cote - 1 - i, 8, i);
            }

            for (var i = 8; i < 15; i++)
            {
                Ecrire(8, cote - 15 + i, i);
            }
        }
    }

    /// <summary>Un flux de bits écrits du plus fort au plus faible, dans un tableau de la capacité de la version.</summary>
    private sealed class FluxDeBits(int octets)
    {
        public byte[] Octets { get; } = new byte[octets];

        public int Longueur { get; private set; }

        public void Ecrire(int valeur, int bits)
        {
            for (var i = bits - 1; i >= 0; i--)
            {
                if (((valeur >> i) & 1) != 0)
                {
                    Octets[Longueur >> 3] |= (byte)(0x80 >> (Longueur & 7));
                }

                Longueur++;
            }
        }
    }
}
