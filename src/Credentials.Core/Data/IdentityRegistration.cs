using Credentials.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Core.Data;

public static class IdentityRegistration
{
    /// <summary>
    /// Les utilisateurs de la console (ASP.NET Core Identity sur le même contexte EF) : utilisé par le
    /// web (qui ajoute la connexion par cookie) et par la CLI (<c>create-user</c>).
    /// </summary>
    public static IdentityBuilder AddCredentialsIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<Utilisateur>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<CredentialsDbContext>()
            .AddErrorDescriber<ErreursIdentiteFrancaises>()
            .AddDefaultTokenProviders();
}

/// <summary>Les messages d'Identity en français.</summary>
public sealed class ErreursIdentiteFrancaises : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"L'adresse « {email} » est déjà utilisée." };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"L'utilisateur « {userName} » existe déjà." };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"L'adresse « {email} » n'est pas valide." };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Le mot de passe doit contenir au moins {length} caractères." };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Mot de passe incorrect." };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Une erreur est survenue." };
}
