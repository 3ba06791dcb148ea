// The initial schema, in provider-neutral MigrationBuilder calls (see docs/decisions.md).
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Credentials.Core.Data.Migrations;

[DbContext(typeof(CredentialsDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                NomAffiche = table.Column<string>(maxLength: 200, nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Etablissements",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Uai = table.Column<string>(maxLength: 8, nullable: false),
                Nom = table.Column<string>(maxLength: 200, nullable: false),
                Ville = table.Column<string>(maxLength: 100, nullable: true),
                NomChef = table.Column<string>(maxLength: 200, nullable: true),
                PortailUrl = table.Column<string>(maxLength: 300, nullable: true),
                CourrielExpediteur = table.Column<string>(maxLength: 254, nullable: true),
                TexteCourrier = table.Column<string>(maxLength: 2000, nullable: true),
                TexteContact = table.Column<string>(maxLength: 500, nullable: true),
                AnneeScolaire = table.Column<int>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Etablissements", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "LimitesPortail",
            columns: table => new
            {
                Cle = table.Column<string>(maxLength: 110, nullable: false),
                Echecs = table.Column<int>(nullable: false),
                DebutFenetre = table.Column<DateTime>(nullable: false),
                BloqueJusqua = table.Column<DateTime>(nullable: true),
                DernierEchec = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LimitesPortail", x => x.Cle);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
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
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
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
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
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
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
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
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
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
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UtilisateurId = table.Column<string>(nullable: false),
                EtablissementId = table.Column<int>(nullable: false),
                Role = table.Column<string>(maxLength: 16, nullable: false),
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
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                EtablissementId = table.Column<int>(nullable: false),
                Auteur = table.Column<string>(maxLength: 256, nullable: false),
                CreeLe = table.Column<DateTime>(nullable: false),
                Type = table.Column<string>(maxLength: 16, nullable: false),
                Libelle = table.Column<string>(maxLength: 300, nullable: false),
                NombreMessages = table.Column<int>(nullable: false),
                NombreComptes = table.Column<int>(nullable: false),
                NombreSansAdresse = table.Column<int>(nullable: false),
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
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                EtablissementId = table.Column<int>(nullable: false),
                Code = table.Column<string>(maxLength: 50, nullable: false),
                Libelle = table.Column<string>(maxLength: 200, nullable: true),
                CleImport = table.Column<string>(maxLength: 50, nullable: true),
                CodeMef = table.Column<string>(maxLength: 20, nullable: true),
                LibelleMef = table.Column<string>(maxLength: 200, nullable: true),
                Niveau = table.Column<string>(maxLength: 50, nullable: true),
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
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                EtablissementId = table.Column<int>(nullable: false),
                Date = table.Column<DateTime>(nullable: false),
                Auteur = table.Column<string>(maxLength: 256, nullable: false),
                Action = table.Column<string>(maxLength: 32, nullable: false),
                Canal = table.Column<string>(maxLength: 32, nullable: true),
                NombreComptes = table.Column<int>(nullable: false),
                Details = table.Column<string>(maxLength: 4000, nullable: true),
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
                AffectationId = table.Column<int>(nullable: false),
                ClasseId = table.Column<int>(nullable: false),
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
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                EtablissementId = table.Column<int>(nullable: false),
                Profil = table.Column<string>(maxLength: 16, nullable: false),
                Nom = table.Column<string>(maxLength: 100, nullable: false),
                Prenom = table.Column<string>(maxLength: 100, nullable: false),
                Civilite = table.Column<string>(maxLength: 10, nullable: true),
                DateNaissance = table.Column<DateOnly>(nullable: true),
                Recherche = table.Column<string>(maxLength: 300, nullable: false),
                Identifiant = table.Column<string>(maxLength: 48, nullable: false),
                IdentifiantRacine = table.Column<string>(maxLength: 48, nullable: false),
                Courriel = table.Column<string>(maxLength: 254, nullable: true),
                Origine = table.Column<string>(maxLength: 24, nullable: false),
                Etat = table.Column<string>(maxLength: 24, nullable: false),
                Bloque = table.Column<bool>(nullable: false),
                AdministrateurLocal = table.Column<bool>(nullable: false),
                MotDePasseProvisoireChiffre = table.Column<string>(maxLength: 400, nullable: true),
                MotDePasseProvisoireExpireLe = table.Column<DateTime>(nullable: true),
                MotDePasseHash = table.Column<string>(maxLength: 200, nullable: true),
                CodeRenouvellementHash = table.Column<string>(maxLength: 200, nullable: true),
                CodeRenouvellementExpireLe = table.Column<DateTime>(nullable: true),
                DateCreation = table.Column<DateTime>(nullable: false),
                DateNotification = table.Column<DateTime>(nullable: true),
                DateActivation = table.Column<DateTime>(nullable: true),
                DateDerniereConnexion = table.Column<DateTime>(nullable: true),
                DateSortie = table.Column<DateTime>(nullable: true),
                ClasseId = table.Column<int>(nullable: true),
                CodeMef = table.Column<string>(maxLength: 20, nullable: true),
                LibelleMef = table.Column<string>(maxLength: 200, nullable: true),
                Externe = table.Column<bool>(nullable: false),
                EtablissementRattachement = table.Column<string>(maxLength: 200, nullable: true),
                CleImport = table.Column<string>(maxLength: 100, nullable: true),
                Ine = table.Column<string>(maxLength: 20, nullable: true),
                Version = table.Column<int>(nullable: false),
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
                EvenementId = table.Column<long>(nullable: false),
                CompteId = table.Column<long>(nullable: false),
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
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CampagneId = table.Column<long>(nullable: false),
                EtablissementId = table.Column<int>(nullable: false),
                CompteId = table.Column<long>(nullable: true),
                Destinataire = table.Column<string>(maxLength: 254, nullable: false),
                NomDestinataire = table.Column<string>(maxLength: 200, nullable: true),
                Expediteur = table.Column<string>(maxLength: 254, nullable: false),
                NomExpediteur = table.Column<string>(maxLength: 200, nullable: true),
                Sujet = table.Column<string>(maxLength: 300, nullable: false),
                CorpsTexte = table.Column<string>(nullable: false),
                CorpsHtml = table.Column<string>(nullable: false),
                CorpsChiffres = table.Column<bool>(nullable: false),
                PiecesJointes = table.Column<string>(nullable: true),
                Statut = table.Column<string>(maxLength: 16, nullable: false),
                Tentatives = table.Column<int>(nullable: false),
                CreeLe = table.Column<DateTime>(nullable: false),
                EnFileDepuis = table.Column<DateTime>(nullable: false),
                ProchaineTentative = table.Column<DateTime>(nullable: false),
                BailProprietaire = table.Column<string>(maxLength: 120, nullable: true),
                BailJusqua = table.Column<DateTime>(nullable: true),
                DerniereTentativeLe = table.Column<DateTime>(nullable: true),
                DerniereErreur = table.Column<string>(maxLength: 2000, nullable: true),
                EnvoyeLe = table.Column<DateTime>(nullable: true),
                MessageId = table.Column<string>(maxLength: 200, nullable: false),
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
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ResponsableId = table.Column<long>(nullable: false),
                EleveId = table.Column<long>(nullable: false),
                Lien = table.Column<string>(maxLength: 24, nullable: false),
                RangLegal = table.Column<int>(nullable: false),
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
                MessageSortantId = table.Column<long>(nullable: false),
                CompteId = table.Column<long>(nullable: false),
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

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "MessagesSortantsComptes");
        migrationBuilder.DropTable(name: "Responsabilites");
        migrationBuilder.DropTable(name: "MessagesSortants");
        migrationBuilder.DropTable(name: "EvenementComptes");
        migrationBuilder.DropTable(name: "Comptes");
        migrationBuilder.DropTable(name: "AffectationClasse");
        migrationBuilder.DropTable(name: "Evenements");
        migrationBuilder.DropTable(name: "Classes");
        migrationBuilder.DropTable(name: "Campagnes");
        migrationBuilder.DropTable(name: "Affectations");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "LimitesPortail");
        migrationBuilder.DropTable(name: "Etablissements");
        migrationBuilder.DropTable(name: "DataProtectionKeys");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
