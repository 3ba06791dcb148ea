using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Credentials.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    NomAffiche = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Etablissements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Uai = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Ville = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NomChef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PortailUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CourrielExpediteur = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    TexteCourrier = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TexteContact = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AnneeScolaire = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Etablissements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LimitesPortail",
                columns: table => new
                {
                    Cle = table.Column<string>(type: "TEXT", maxLength: 110, nullable: false),
                    Echecs = table.Column<int>(type: "INTEGER", nullable: false),
                    DebutFenetre = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BloqueJusqua = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DernierEchec = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LimitesPortail", x => x.Cle);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Affectations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UtilisateurId = table.Column<string>(type: "TEXT", nullable: false),
                    EtablissementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Affectations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Affectations_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Affectations_Etablissements_EtablissementId",
                        column: x => x.EtablissementId,
                        principalTable: "Etablissements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Campagnes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EtablissementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NombreMessages = table.Column<int>(type: "INTEGER", nullable: false),
                    NombreComptes = table.Column<int>(type: "INTEGER", nullable: false),
                    NombreSansAdresse = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campagnes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campagnes_Etablissements_EtablissementId",
                        column: x => x.EtablissementId,
                        principalTable: "Etablissements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Classes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EtablissementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CleImport = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CodeMef = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LibelleMef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Niveau = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Classes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Classes_Etablissements_EtablissementId",
                        column: x => x.EtablissementId,
                        principalTable: "Etablissements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evenements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EtablissementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Canal = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    NombreComptes = table.Column<int>(type: "INTEGER", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evenements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evenements_Etablissements_EtablissementId",
                        column: x => x.EtablissementId,
                        principalTable: "Etablissements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AffectationClasse",
                columns: table => new
                {
                    AffectationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClasseId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AffectationClasse", x => new { x.AffectationId, x.ClasseId });
                    table.ForeignKey(
                        name: "FK_AffectationClasse_Affectations_AffectationId",
                        column: x => x.AffectationId,
                        principalTable: "Affectations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AffectationClasse_Classes_ClasseId",
                        column: x => x.ClasseId,
                        principalTable: "Classes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Comptes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EtablissementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Profil = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Civilite = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    DateNaissance = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Recherche = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Identifiant = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    IdentifiantRacine = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Courriel = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Origine = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Etat = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Bloque = table.Column<bool>(type: "INTEGER", nullable: false),
                    AdministrateurLocal = table.Column<bool>(type: "INTEGER", nullable: false),
                    MotDePasseProvisoireChiffre = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    MotDePasseProvisoireExpireLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MotDePasseHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CodeRenouvellementHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CodeRenouvellementExpireLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DateCreation = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DateNotification = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DateActivation = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DateDerniereConnexion = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DateSortie = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClasseId = table.Column<int>(type: "INTEGER", nullable: true),
                    CodeMef = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LibelleMef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Externe = table.Column<bool>(type: "INTEGER", nullable: false),
                    EtablissementRattachement = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CleImport = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Ine = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comptes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Comptes_Classes_ClasseId",
                        column: x => x.ClasseId,
                        principalTable: "Classes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Comptes_Etablissements_EtablissementId",
                        column: x => x.EtablissementId,
                        principalTable: "Etablissements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvenementComptes",
                columns: table => new
                {
                    EvenementId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompteId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvenementComptes", x => new { x.EvenementId, x.CompteId });
                    table.ForeignKey(
                        name: "FK_EvenementComptes_Comptes_CompteId",
                        column: x => x.CompteId,
                        principalTable: "Comptes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvenementComptes_Evenements_EvenementId",
                        column: x => x.EvenementId,
                        principalTable: "Evenements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessagesSortants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampagneId = table.Column<long>(type: "INTEGER", nullable: false),
                    EtablissementId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompteId = table.Column<long>(type: "INTEGER", nullable: true),
                    Destinataire = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    NomDestinataire = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Expediteur = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    NomExpediteur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Sujet = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CorpsTexte = table.Column<string>(type: "TEXT", nullable: false),
                    CorpsHtml = table.Column<string>(type: "TEXT", nullable: false),
                    CorpsChiffres = table.Column<bool>(type: "INTEGER", nullable: false),
                    PiecesJointes = table.Column<string>(type: "TEXT", nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Tentatives = table.Column<int>(type: "INTEGER", nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnFileDepuis = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProchaineTentative = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BailProprietaire = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    BailJusqua = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DerniereTentativeLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DerniereErreur = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnvoyeLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagesSortants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessagesSortants_Campagnes_CampagneId",
                        column: x => x.CampagneId,
                        principalTable: "Campagnes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MessagesSortants_Comptes_CompteId",
                        column: x => x.CompteId,
                        principalTable: "Comptes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MessagesSortants_Etablissements_EtablissementId",
                        column: x => x.EtablissementId,
                        principalTable: "Etablissements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Responsabilites",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponsableId = table.Column<long>(type: "INTEGER", nullable: false),
                    EleveId = table.Column<long>(type: "INTEGER", nullable: false),
                    Lien = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    RangLegal = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Responsabilites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Responsabilites_Comptes_EleveId",
                        column: x => x.EleveId,
                        principalTable: "Comptes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Responsabilites_Comptes_ResponsableId",
                        column: x => x.ResponsableId,
                        principalTable: "Comptes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessagesSortantsComptes",
                columns: table => new
                {
                    MessageSortantId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompteId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagesSortantsComptes", x => new { x.MessageSortantId, x.CompteId });
                    table.ForeignKey(
                        name: "FK_MessagesSortantsComptes_Comptes_CompteId",
                        column: x => x.CompteId,
                        principalTable: "Comptes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MessagesSortantsComptes_MessagesSortants_MessageSortantId",
                        column: x => x.MessageSortantId,
                        principalTable: "MessagesSortants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AffectationClasse_ClasseId",
                table: "AffectationClasse",
                column: "ClasseId");

            migrationBuilder.CreateIndex(
                name: "IX_Affectations_EtablissementId",
                table: "Affectations",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Affectations_UtilisateurId_EtablissementId",
                table: "Affectations",
                columns: new[] { "UtilisateurId", "EtablissementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campagnes_EtablissementId_CreeLe",
                table: "Campagnes",
                columns: new[] { "EtablissementId", "CreeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Classes_EtablissementId_Code",
                table: "Classes",
                columns: new[] { "EtablissementId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Comptes_ClasseId",
                table: "Comptes",
                column: "ClasseId");

            migrationBuilder.CreateIndex(
                name: "IX_Comptes_EtablissementId_ClasseId",
                table: "Comptes",
                columns: new[] { "EtablissementId", "ClasseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Comptes_EtablissementId_CleImport",
                table: "Comptes",
                columns: new[] { "EtablissementId", "CleImport" });

            migrationBuilder.CreateIndex(
                name: "IX_Comptes_EtablissementId_Profil_Etat",
                table: "Comptes",
                columns: new[] { "EtablissementId", "Profil", "Etat" });

            migrationBuilder.CreateIndex(
                name: "IX_Comptes_EtablissementId_Profil_Nom_Prenom",
                table: "Comptes",
                columns: new[] { "EtablissementId", "Profil", "Nom", "Prenom" });

            migrationBuilder.CreateIndex(
                name: "IX_Comptes_Identifiant",
                table: "Comptes",
                column: "Identifiant",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Comptes_IdentifiantRacine",
                table: "Comptes",
                column: "IdentifiantRacine");

            migrationBuilder.CreateIndex(
                name: "IX_Etablissements_Uai",
                table: "Etablissements",
                column: "Uai",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvenementComptes_CompteId",
                table: "EvenementComptes",
                column: "CompteId");

            migrationBuilder.CreateIndex(
                name: "IX_Evenements_EtablissementId_Date",
                table: "Evenements",
                columns: new[] { "EtablissementId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_LimitesPortail_DebutFenetre",
                table: "LimitesPortail",
                column: "DebutFenetre");

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortants_CampagneId_Statut",
                table: "MessagesSortants",
                columns: new[] { "CampagneId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortants_CompteId",
                table: "MessagesSortants",
                column: "CompteId");

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortants_EtablissementId",
                table: "MessagesSortants",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortants_MessageId",
                table: "MessagesSortants",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortants_Statut_ProchaineTentative",
                table: "MessagesSortants",
                columns: new[] { "Statut", "ProchaineTentative" });

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortantsComptes_CompteId",
                table: "MessagesSortantsComptes",
                column: "CompteId");

            migrationBuilder.CreateIndex(
                name: "IX_Responsabilites_EleveId",
                table: "Responsabilites",
                column: "EleveId");

            migrationBuilder.CreateIndex(
                name: "IX_Responsabilites_ResponsableId_EleveId",
                table: "Responsabilites",
                columns: new[] { "ResponsableId", "EleveId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AffectationClasse");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "EvenementComptes");

            migrationBuilder.DropTable(
                name: "LimitesPortail");

            migrationBuilder.DropTable(
                name: "MessagesSortantsComptes");

            migrationBuilder.DropTable(
                name: "Responsabilites");

            migrationBuilder.DropTable(
                name: "Affectations");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Evenements");

            migrationBuilder.DropTable(
                name: "MessagesSortants");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Campagnes");

            migrationBuilder.DropTable(
                name: "Comptes");

            migrationBuilder.DropTable(
                name: "Classes");

            migrationBuilder.DropTable(
                name: "Etablissements");
        }
    }
}
